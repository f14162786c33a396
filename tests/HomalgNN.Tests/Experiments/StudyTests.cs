using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Studies;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Tests.Experiments;

[Collection("Training")]
public class StudyTests
{
    [Fact]
    public void TinyStudy_TrainsEachDistinctRunOnce_AndReportsEverySection()
    {
        var baseOptions = new TrainingOptions(new NetworkConfig(NetworkConfig.StudyDims), TrainLimit: 128, BatchSize: 64);
        // Epochs x 0.07: the sweep and chains 1 epoch, the long run 2, diagnostics 1.
        var plan = StudyDesign.Plan(baseOptions, "mnist-10k", TestPaths.SharedData, [0], 0.07, logEvery: 1);
        // 5 sweep + long + symmetric + smaller + 2 diagnostics + baseline; the original chain is the sweep's lambda 0.5 run.
        Assert.Equal(11, plan.Runs.Count);
        Assert.Equal(plan.Study!.LambdaSweep.Points[2].RunKeys, plan.Study.Architectures[0].RunKeys);
        Assert.Equal([1, 2], plan.Study.Longer.ShownEpochs);

        var dir = TestPaths.NewTempFolder();
        BatchRunner.Execute(plan, dir, ShardSpec.All, new DataCache(), SilentBatchObserver.Instance);
        var merged = ExperimentMerge.Execute([dir], dir);
        Assert.Equal(11, Directory.GetDirectories(Path.Combine(dir, RunFolder.RunsDir)).Length);

        var report = File.ReadAllText(Path.Combine(dir, StudyReport.MarkdownFile));
        Assert.Equal([Path.Combine(dir, StudyReport.MarkdownFile), Path.Combine(dir, StudyReport.JsonFile)], merged.Files);
        Assert.Contains("| Lambda | Seeds | Final Accuracy | Final Betti | Exactness Loss | Verdict |", report);
        Assert.Contains("| Metric | Epoch 1 | Epoch 2 | Change |", report);
        Assert.Contains("| Betti Numbers | [0,0,0,128] | [0,0,0,128] | unchanged |", report);
        Assert.Contains("| Metric | Original [16,32,64,128,256] | Symmetric [16,32,64,32,16] | Change | Smaller [16,32,48,32,16] | Change |", report);
        Assert.Contains("| Exactness Loss | 37.33 |", report);
        foreach (var d in plan.Study.Diagnostics)
        {
            var png = $"{RunFolder.RelativePath(plan.Run(d.RunKey))}/{HomalgNN.Experiments.DiagnoseRun.PlotFile}";
            Assert.Contains($"]({png})", report);
            Assert.True(File.Exists(Path.Combine(dir, png)));
        }
        Assert.Contains("Betti numbers stayed", report); // the diagnostics' computed explanation
        Assert.Contains("| d3 | 128x256 | 128 | 128 | 0 |", report);
        Assert.Contains("Measured by `compare` at `bridge_out`", report);
        Assert.Contains("entanglement", report);
        Assert.True(File.Exists(Path.Combine(dir, "compare", "compare.json")));
    }
}
