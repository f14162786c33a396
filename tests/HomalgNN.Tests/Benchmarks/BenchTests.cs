using HomalgNN.Benchmarks;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Tests.Cli;

namespace HomalgNN.Tests.Benchmarks;

/// <summary>The bench's quick machinery on a tiny configuration, with and without the Python reference.</summary>
[Collection("Training")]
public class BenchTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    static BenchOptions Tiny(bool oursOnly = true, string? python = null) =>
        new(Quick: true, QuickSteps: 3, Rounds: 2, ProfileBatches: 2, MonitorCalls: 2, EvaluateCalls: 1, MatmulSize: 256, BatchSize: 32, OursOnly: oursOnly, Python: python);

    static void AssertOurRuns(BenchReport r)
    {
        Assert.Equal(new[] { Precision.Float64, Precision.Float32, Precision.Mixed }, r.Runs.Where(x => !x.IsReference).Select(x => x.Precision));
        foreach (var run in r.Runs)
        {
            Assert.Equal(2, run.EpochSeconds.Length);
            Assert.All(run.EpochSeconds, s => Assert.True(s > 0 && double.IsFinite(s)));
            Assert.True(run.StepSeconds > 0 && run.BettiSeconds > 0 && run.DefectsSeconds > 0 && run.Parts.Task > 0);
            Assert.Equal(new[] { 0, 0, 0, 128 }, run.Betti);
            Assert.True(r.HomologyMatchesFloat64(run), $"{run.Name}: [{string.Join(",", run.Defects)}]");
        }
        // An epoch of mnist-10k's 8,000 training images at batch 32.
        Assert.Equal(250, r.BatchesPerEpoch);
        Assert.True(r.Float64FlopsPerSecond > 1e8 && r.Float32FlopsPerSecond > 1e8);
        Assert.True(r.OurPeakRss > 0);
    }

    [Fact]
    public void Quick_WithoutPython_ReportsOurs_AndSaysHowToInstallIt()
    {
        var lines = new List<string>();
        var r = BenchRunner.Run(Tiny(oursOnly: false, python: "/nonexistent/python3"), Mnist10k, lines.Add);
        AssertOurRuns(r);
        Assert.Null(r.ReferenceRun);
        Assert.Null(r.Speedup);
        Assert.Contains(PythonLocator.InstallHint, r.ReferenceMissing);
        Assert.Contains(lines, l => l.StartsWith("round 2/2: ours float64"));
    }

    [Fact]
    public void Quick_WithTheReference_WhenPythonHasTorch()
    {
        // The reference needs Debian's python3-torch (.ci/run installs it); without it the test above covers the fallback.
        if (PythonLocator.Find(null, out _) is null) return;
        var r = BenchRunner.Run(Tiny(oursOnly: false), Mnist10k, _ => { });
        AssertOurRuns(r);
        var reference = Assert.IsType<RunMeasurement>(r.ReferenceRun);
        Assert.True(reference.StepSeconds > 0 && reference.Parts.Exactness > 0 && reference.MonitorSeconds > 0);
        Assert.True(r.Speedup > 0);
        Assert.True(r.ReferencePeakRss > 0);
        Assert.InRange(reference.TestAccuracy, 0.0, 1.0);
    }

    [Fact]
    public void EpochFlops_CountTheStudysMatmuls()
    {
        var flops = EpochFlops.Of(new NetworkConfig(NetworkConfig.StudyDims), trainImages: 1, testImages: 0, batchSize: 1);
        // Forward: 784x512 + 512x256 + the chain's 43,520 + 16x128 + 128x10 multiply-adds; backward twice that, less the first layer's input gradient;
        // plus one step's chain-axiom products and their two gradients.
        double forward = 2.0 * (784 * 512 + 512 * 256 + 43_520 + 16 * 128 + 128 * 10);
        double expected = 3 * forward - 2.0 * 784 * 512 + 3 * 2.0 * (16 * 32 * 64 + 32 * 64 * 128 + 64 * 128 * 256);
        Assert.Equal(expected, flops.Float64, 6);
        Assert.Equal(0, flops.Float32);
        var mixed = EpochFlops.Of(new NetworkConfig(NetworkConfig.StudyDims, Precision: Precision.Mixed), 1, 0, 1);
        Assert.Equal(expected, mixed.Float64 + mixed.Float32, 6);
        // Mixed: only the chain (its maps and the chain axiom) runs in float64.
        Assert.Equal(3 * 2.0 * 43_520 + 3 * 2.0 * (16 * 32 * 64 + 32 * 64 * 128 + 64 * 128 * 256), mixed.Float64, 6);
    }

    [Fact]
    public void Cli_OursOnly_EndsWithTheSpeedupLine_AndWithoutPythonFailsWithTheInstallCommand()
    {
        string[] tiny = ["bench", "--quick", "--dataset", "mnist-10k", "--data-dir", TestPaths.SharedData, "--steps", "2", "--rounds", "1",
            "--batch-size", "32", "--profile-batches", "1", "--monitor-calls", "1", "--precision", "float32"];
        var ok = CliProcess.Run([.. tiny, "--ours-only"]);
        Assert.True(ok.ExitCode == 0, ok.StdErr);
        var lines = ok.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("speedup vs reference: n/a (the reference did not run)", lines[^1].Trim());
        Assert.Contains(lines, l => l.Contains("task forward+backward"));
        Assert.Contains(lines, l => l.Contains("physical floor"));
        var missing = CliProcess.Run([.. tiny, "--python", "/nonexistent/python3"]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("apt-get install -y python3-torch libopenblas0-pthread", missing.StdErr);
        Assert.Contains("speedup vs reference: n/a", missing.StdOut);
    }
}
