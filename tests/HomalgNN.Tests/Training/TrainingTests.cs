using HomalgNN.Data;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Tests.Training;

[Collection("Training")]
public class TrainingTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    static TrainingOptions Tiny(int seed = 0, double lambda = 0.5) =>
        new(new NetworkConfig(NetworkConfig.StudyDims), Lambda: lambda, Epochs: 1, Seed: seed, TrainLimit: 384, BatchSize: 64);

    [Fact]
    public void OneEpochOnAFewHundredImages_ReportsTheForcedBettiNumbers()
    {
        var r = TrainingRun.Execute(Tiny(), Mnist10k, null, SilentObserver.Instance);
        Assert.True(r.Completed);
        Assert.Single(r.History);
        Assert.Equal(new[] { 0, 0, 0, 128 }, r.History[0].Betti);
        Assert.Equal(new[] { 0, 0, 0, 128 }, r.Final!.Betti);
        Assert.Equal(new[] { 16, 32, 64, 128 }, r.Final.Ranks);
        Assert.InRange(r.Final.ExactnessLoss!.Value, 37.3333 - 1e-3, 37.3333 + 1e-3);
        Assert.InRange(r.Final.TestAccuracy, 0.3, 1.0); // well above chance after one epoch
        Assert.Equal(384, (int)r.Config["train_images"]!);
    }

    [Fact]
    public void SameSeed_GivesTheSameNumbers_DifferentSeed_DoesNot()
    {
        var a = TrainingRun.Execute(Tiny(seed: 7), Mnist10k, null, SilentObserver.Instance);
        var b = TrainingRun.Execute(Tiny(seed: 7), Mnist10k, null, SilentObserver.Instance);
        var c = TrainingRun.Execute(Tiny(seed: 8), Mnist10k, null, SilentObserver.Instance);
        Assert.Equal(a.History[0].TaskLoss, b.History[0].TaskLoss);
        Assert.Equal(a.History[0].ChainAxiomLoss, b.History[0].ChainAxiomLoss);
        Assert.Equal(a.Final!.TestAccuracy, b.Final!.TestAccuracy);
        Assert.Equal(a.Final.SingularValues![2], b.Final.SingularValues![2]);
        Assert.NotEqual(a.History[0].TaskLoss, c.History[0].TaskLoss);
    }

    [Fact]
    public void Baseline_TrainsWithoutAChain()
    {
        var o = Tiny() with { Network = new NetworkConfig(NetworkConfig.StudyDims, Baseline: true), BatchSize = 32, TrainLimit = 1024, Epochs = 2 };
        var r = TrainingRun.Execute(o, Mnist10k, null, SilentObserver.Instance);
        Assert.Null(r.Final!.Betti);
        Assert.Null(r.History[0].Betti);
        Assert.InRange(r.Final.TestAccuracy, 0.3, 1.0); // chance is 0.1
    }

    [Fact]
    public void ResultsJson_HasConfigHistoryAndFinal()
    {
        var dir = TestPaths.NewTempFolder();
        TrainingRun.Execute(Tiny(), Mnist10k, dir, SilentObserver.Instance);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        var root = doc.RootElement;
        Assert.Equal("mnist-10k", root.GetProperty("config").GetProperty("dataset").GetString());
        Assert.Equal(0.5, root.GetProperty("config").GetProperty("lambda").GetDouble());
        var epoch = root.GetProperty("history")[0];
        foreach (var key in new[] { "epoch", "task_loss", "exactness_loss", "chain_axiom_loss", "test_accuracy", "betti", "seconds" })
            Assert.True(epoch.TryGetProperty(key, out _), $"history lacks {key}");
        var final = root.GetProperty("final");
        foreach (var key in new[] { "betti", "defects", "exactness_loss", "test_accuracy", "singular_values", "ranks", "nullities" })
            Assert.True(final.TryGetProperty(key, out _), $"final lacks {key}");
        Assert.Equal(4, final.GetProperty("singular_values").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(dir, "model.bin")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));
    }
}
