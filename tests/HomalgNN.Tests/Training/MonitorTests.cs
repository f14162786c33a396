using System.Text;
using HomalgNN.Data;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Training;

[Collection("Training")]
public class MonitorTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    static TrainingOptions Tiny() =>
        new(new NetworkConfig(NetworkConfig.StudyDims), Lambda: 0.5, Epochs: 1, TrainLimit: 256, BatchSize: 64, MonitorEvery: 2);

    [Fact]
    public void Monitor_RecordsEveryNSteps_IntoResultsAndCsv()
    {
        var dir = TestPaths.NewTempFolder();
        var r = TrainingRun.Execute(Tiny(), Mnist10k, dir, SilentObserver.Instance);
        Assert.Equal(new long[] { 0, 2 }, r.Monitor!.Select(m => m.Step));
        Assert.All(r.Monitor!, m => Assert.Equal(128, m.BettiSum));
        var csv = File.ReadAllLines(Path.Combine(dir, "monitor.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("step,epoch,task_loss,exactness_loss,chain_axiom_loss,betti_sum,betti_0", csv[0]);
    }

    [Fact]
    public void TensorBoard_EventFileHoldsTheExpectedTags()
    {
        var tb = TestPaths.NewTempFolder();
        TrainingRun.Execute(Tiny() with { TensorBoardDir = tb }, Mnist10k, null, SilentObserver.Instance);
        var file = Assert.Single(Directory.GetFiles(tb, "events.out.tfevents.*"));
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(file));
        foreach (var tag in new[] { "loss/task", "loss/exactness", "loss/chain_axiom", "homology/betti_3", "homology/betti_sum", "homology/defect_2", "epoch/test_accuracy" })
            Assert.Contains(tag, text);
        Assert.Contains("brain.Event:2", text); // the file-version record TensorBoard expects first
    }

    [Fact]
    public void GradientsBySource_AddUpToTheTotalGradient()
    {
        torch.manual_seed(3);
        using var net = new StudyNetwork(new NetworkConfig(NetworkConfig.StudyDims));
        var maps = net.Chain!.BoundaryMaps.Cast<Tensor>().ToArray();
        var x = torch.randn(16, 784, dtype: ScalarType.Float64);
        var y = torch.randint(0, 10, [16], dtype: ScalarType.Int64);
        var task = nn.functional.cross_entropy(net.forward(x), y);
        var ex = 0.7 * ExactnessLoss.Compute(maps, new ExactnessLossOptions(ExactnessMode.Regularized));
        var ax = 1.3 * ChainAxiomLoss.Compute(maps);
        var parts = GradientSplit.Split(maps, [task, ex, ax]);
        (task + ex + ax).backward();
        for (int i = 0; i < maps.Length; i++)
        {
            var sum = parts[0][i] + parts[1][i] + parts[2][i];
            Assert.True(torch.allclose(sum, maps[i].grad!, rtol: 1e-10, atol: 1e-12), $"d_{i}: split gradients do not add up to the total");
            Assert.True(parts[2][i].norm().ToDouble() > 0);
        }
    }
}
