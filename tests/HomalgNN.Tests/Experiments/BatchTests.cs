using HomalgNN.Experiments.Batch;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Tests.Experiments;

public class BatchTests
{
    static TrainingOptions Options(double lambda = 0.5) => new(new NetworkConfig(NetworkConfig.StudyDims), Lambda: lambda);

    [Fact]
    public void RunKey_SpellsOutDefaults_IgnoresOutputsLabelsAndDataFolders()
    {
        var plain = new PlannedRun("a", Options(), "mnist-10k");
        var explicitDefaults = new PlannedRun("b", Options() with { Loss = new ExactnessLossOptions(), Schedule = LossSchedule.Recommended, TensorBoardDir = "tb" }, "mnist-10k", DataDir: "/elsewhere");
        Assert.Equal(plain.Key, explicitDefaults.Key);
        Assert.Equal(plain.Folder, explicitDefaults.Folder);
        Assert.NotEqual(plain.Key, new PlannedRun("a", Options(0.3), "mnist-10k").Key);
        Assert.NotEqual(plain.Key, new PlannedRun("a", Options(), "fashion-mnist").Key);
        Assert.NotEqual(plain.Key, new PlannedRun("a", Options(), "mnist-10k", DiagnoseEvery: 50).Key);
        Assert.NotEqual(plain.Key, new PlannedRun("a", Options() with { Loss = new ExactnessLossOptions(Epsilon: 1e-4) }, "mnist-10k").Key);
        Assert.Matches("^chain-16.32.64.128.256-lambda0.5-e15-seed0-[0-9a-f]{12}$", plain.Folder);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void Shard_OutOfRange_IsRejectedNamingTheFlag(string text) =>
        Assert.Contains("--shard must be i/N", Assert.Throws<ArgumentException>(() => ShardSpec.Parse(text)).Message);

    [Fact]
    public void Shards_PartitionTheRunList()
    {
        var list = Enumerable.Range(0, 11).ToList();
        var parts = Enumerable.Range(1, 3).Select(i => ShardSpec.Parse($"{i}/3").Select(list).ToList()).ToList();
        Assert.Equal(list, parts.SelectMany(p => p).Order());
        Assert.Equal([4, 4, 3], parts.Select(p => p.Count));
        Assert.Equal([1, 4, 7, 10], parts[1]);
    }

    [Fact]
    public void Progress_EstimatesTheRemainingEpochsAtTheRateSoFar()
    {
        var now = TimeSpan.Zero;
        var runs = new[] { new PlannedRun("a", Options() with { Epochs = 2 }, "m"), new PlannedRun("b", Options() with { Epochs = 6 }, "m") };
        var p = new BatchProgress(3, runs, () => now);
        Assert.Equal((3, 2, 1, 8L), (p.Total, p.Pending, p.Skipped, p.EpochsTotal));
        Assert.Null(p.Eta);
        p.RunStarted(runs[0]);
        now = TimeSpan.FromSeconds(10);
        p.EpochFinished();
        Assert.Equal(TimeSpan.FromSeconds(70), p.Eta);
        p.EpochFinished();
        p.RunFinished();
        Assert.Equal((2, (PlannedRun?)null), (p.Done, p.Current));
        Assert.Equal(TimeSpan.FromSeconds(30), p.Eta); // 10 s for 2 epochs, 6 to go
    }

    [Fact]
    public void Plan_SurvivesPlanJson_WithItsFingerprint()
    {
        var runs = new[] { new PlannedRun("a", Options(), "mnist-10k"), new PlannedRun("a again", Options(), "mnist-10k"), new PlannedRun("b", Options(1.0), "mnist-10k") };
        var sweep = new HomalgNN.Experiments.Sweeps.SweepPlan(["lambda"],
            [new(new Dictionary<string, string> { ["lambda"] = "0.5" }, [runs[0].Key]), new(new Dictionary<string, string> { ["lambda"] = "1" }, [runs[2].Key])]);
        var plan = ExperimentPlan.Create(ExperimentKind.Sweep, runs, sweep);
        Assert.Equal(2, plan.Runs.Count); // equal keys are one run
        var dir = TestPaths.NewTempFolder();
        plan.Save(dir);
        var back = ExperimentPlan.Load(dir);
        Assert.Equal(plan.Fingerprint, back.Fingerprint);
        Assert.Equal(plan.Runs.Select(r => r.Key), back.Runs.Select(r => r.Key));
        Assert.Equal(plan.Runs.Select(r => r.Options.Network.Dims), back.Runs.Select(r => r.Options.Network.Dims));
        Assert.NotEqual(plan.Fingerprint, (plan with { Runs = [plan.Runs[0]] }).Fingerprint);
        Assert.Contains("not planned", Assert.Throws<InvalidOperationException>(() => ExperimentPlan.Create(ExperimentKind.Sweep, runs.Take(1), sweep)).Message);
    }
}
