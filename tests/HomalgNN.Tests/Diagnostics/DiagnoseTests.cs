using HomalgNN.Data;
using HomalgNN.Diagnostics;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using HomalgNN.Training;
using SkiaSharp;

namespace HomalgNN.Tests.Diagnostics;

[Collection("Training")]
public class DiagnoseTests
{
    [Fact]
    public void Diagnose_WritesJsonCsvAndANinePanelFigure_AndExplainsTheForcedBetti()
    {
        var data = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);
        var dir = TestPaths.NewTempFolder();
        var o = new TrainingOptions(new NetworkConfig(NetworkConfig.StudyDims), Lambda: 0.5, Epochs: 1, TrainLimit: 256, BatchSize: 64);
        var result = DiagnoseRun.Execute(o, data, logEvery: 1, dir, SilentObserver.Instance);
        Assert.Equal(4, result.Records.Count);
        var rec = result.Records[0];
        Assert.Equal(4, rec.Maps.Length);
        Assert.Equal(128, rec.Maps[3].SingularValues.Length);
        Assert.Equal(new[] { 16, 32, 64, 128 }, rec.Maps.Select(m => m.Nullity));
        Assert.All(rec.Maps, m => Assert.True(m.Gradients.Task > 0));
        // The exactness term is inert at full rank: every mask is saturated, so its gradient is exactly zero.
        Assert.All(rec.Maps, m => Assert.True(m.Gradients.Exactness < 1e-6 * m.Gradients.Task));
        Assert.Contains(result.Summary, s => s.Contains("b_3 = 128 cannot move for dimensional reasons"));
        Assert.All(rec.Maps, m => Assert.Equal(0.0, m.Gradients.Exactness));
        Assert.Contains(result.Summary, s => s.Contains("gradient is exactly 0") && s.Contains("cannot move this map at all"));
        Assert.Contains(result.Summary, s => s.Contains("ker d_i inside im d_(i+1)"));

        using var png = SKBitmap.Decode(Path.Combine(dir, "diagnostics.png"));
        Assert.Equal(3 * 560, png.Width);   // 3 x 3 panels of 560 x 420
        Assert.Equal(3 * 420, png.Height);
        var csv = File.ReadAllLines(Path.Combine(dir, "diagnostics.csv"));
        Assert.Equal(1 + 4 * 4, csv.Length); // header + 4 steps x 4 maps
        Assert.Contains("\"records\"", File.ReadAllText(Path.Combine(dir, "diagnostics.json")));
    }

    [Fact]
    public void MinimalBetti_FollowsFromDimensions()
    {
        Assert.Equal(new[] { 0, 0, 0, 128 }, DiagnosticsSummary.MinimalBetti([16, 32, 64, 128, 256]));
        Assert.Equal(new[] { 0, 0, 0, 0 }, DiagnosticsSummary.MinimalBetti([16, 32, 64, 32, 16]));
        Assert.Equal(new[] { 0, 6 }, DiagnosticsSummary.MinimalBetti([1, 2, 8]));
    }
}
