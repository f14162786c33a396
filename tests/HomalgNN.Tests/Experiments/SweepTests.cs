using System.Diagnostics;
using System.Text.Json;
using HomalgNN.Experiments;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Sweeps;
using HomalgNN.Tests.Cli;
using HomalgNN.Training;

namespace HomalgNN.Tests.Experiments;

/// <summary>The uninterrupted, unsharded tiny sweep, trained once for the tests that compare against it.</summary>
public sealed class ReferenceSweep
{
    public ReferenceSweep()
    {
        Dir = TestPaths.NewTempFolder();
        Plan = TinySweep.Plan();
        BatchRunner.Execute(Plan, Dir, ShardSpec.All, new DataCache(), SilentBatchObserver.Instance);
        ExperimentMerge.Execute([Dir], Dir);
    }

    public string Dir { get; }

    public ExperimentPlan Plan { get; }
}

[Collection("Training")]
public class SweepTests(ReferenceSweep reference) : IClassFixture<ReferenceSweep>
{
    [Fact]
    public void TwoRunSweep_WritesItsTableAsMarkdownCsvAndJson()
    {
        var dir = Path.Combine(TestPaths.NewTempFolder(), "sweep");
        var r = CliProcess.Run(["sweep", .. TinySweep.Flags(dir)]);
        Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
        var md = File.ReadAllLines(Path.Combine(dir, SweepReport.MarkdownFile)).Where(l => l.StartsWith('|')).ToList();
        Assert.Equal("| Lambda | Seeds | Final Accuracy | Final Betti | Exactness Loss | Verdict |", md[0]);
        Assert.Equal(4, md.Count);
        Assert.StartsWith("| 0.1 | 1 | ", md[2]);
        Assert.StartsWith("| 1.0 | 1 | ", md[3]);
        Assert.Contains("[0,0,0,128]", md[2]);
        Assert.Contains("Betti unchanged at the dimensional minimum [0,0,0,128]", md[3]);
        Assert.Contains("vs lambda=0.1", md[3]);
        var csv = File.ReadAllLines(Path.Combine(dir, SweepReport.CsvFile));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("lambda,seeds,seed_values,accuracy_mean,", csv[0]);
        Assert.StartsWith("0.1,1,0,", csv[1]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, SweepReport.JsonFile)));
        var rows = json.RootElement.GetProperty("rows");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("1.0", rows[1].GetProperty("point").GetProperty("lambda").GetString());
        Assert.InRange(rows[0].GetProperty("accuracy").GetProperty("mean").GetDouble(), 0.15, 1.0);
        Assert.Contains("| 1.0 | 1 |", r.StdOut); // the table is printed too
        Assert.Equal(TinySweep.Tables(reference.Dir), TinySweep.Tables(dir)); // the CLI plans and trains exactly what the library does
    }

    [Fact]
    public void SweepKilledAfterItsFirstRun_ResumesToTheSameTable()
    {
        var dir = Path.Combine(TestPaths.NewTempFolder(), "sweep");
        var first = RunFolder.PathOf(dir, reference.Plan.Runs[0]);
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "homalg.dll"), "sweep", .. TinySweep.Flags(dir)]) psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!)
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (!RunFolder.IsFinished(first, reference.Plan.Runs[0]) && !p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120)) Thread.Sleep(20);
            Assert.False(p.HasExited, "the sweep ended before it could be killed");
            p.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            p.WaitForExit();
        }
        Assert.False(File.Exists(Path.Combine(dir, SweepReport.MarkdownFile)));

        var r = CliProcess.Run(["sweep", .. TinySweep.Flags(dir)]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("1 finished already, 1 to train", r.StdOut);
        Assert.Equal(TinySweep.Tables(reference.Dir), TinySweep.Tables(dir));
    }

    [Fact]
    public void SweepInterruptedMidRun_RestartsThatRunAndLosesNothing()
    {
        var dir = TestPaths.NewTempFolder();
        var plan = reference.Plan;
        Assert.Throws<OperationCanceledException>(() => BatchRunner.Execute(plan, dir, ShardSpec.All, new DataCache(), new InterruptAfter(epochs: 2)));
        Assert.True(RunFolder.IsFinished(RunFolder.PathOf(dir, plan.Runs[0]), plan.Runs[0]));
        var partial = RunFolder.PathOf(dir, plan.Runs[1]);
        Assert.False(RunFolder.IsFinished(partial, plan.Runs[1]));
        Assert.Contains("\"completed\": false", File.ReadAllText(Path.Combine(partial, TrainingRun.ResultsFile)));
        File.WriteAllText(Path.Combine(partial, "results.json.tmp-1-dead"), "{ half a fi"); // what a kill during a write leaves

        var summary = BatchRunner.Execute(plan, dir, ShardSpec.All, new DataCache(), SilentBatchObserver.Instance);
        Assert.Equal(new BatchSummary(2, 2, 1, 1), summary);
        Assert.Empty(Directory.GetFiles(partial, "*.tmp-*"));
        ExperimentMerge.Execute([dir], dir);
        Assert.Equal(TinySweep.Tables(reference.Dir), TinySweep.Tables(dir));
    }

    [Fact]
    public void ShardsOneAndTwoOfTwo_MergedEqualTheUnshardedSweep()
    {
        var (a, b, merged) = (TestPaths.NewTempFolder(), TestPaths.NewTempFolder(), TestPaths.NewTempFolder());
        var plan = reference.Plan;
        var first = BatchRunner.Execute(plan, a, ShardSpec.Parse("1/2"), new DataCache(), SilentBatchObserver.Instance);
        var second = BatchRunner.Execute(plan, b, ShardSpec.Parse("2/2"), new DataCache(), SilentBatchObserver.Instance);
        Assert.Equal((1, 1), (first.Trained, second.Trained));
        var error = Assert.Throws<InvalidOperationException>(() => ExperimentMerge.Execute([a], a));
        Assert.Contains("1 of 2 runs are not finished", error.Message);

        var result = ExperimentMerge.Execute([a, b], merged);
        Assert.Equal(2, result.Copied);
        Assert.Equal(TinySweep.Tables(reference.Dir), TinySweep.Tables(merged));
    }

    [Fact]
    public void MergeCommand_GathersAFolderIntoAnother_AndRejectsAFolderWithoutAPlan()
    {
        var target = Path.Combine(TestPaths.NewTempFolder(), "merged");
        var r = CliProcess.Run(["merge", reference.Dir, "--out", target]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("merged 2 runs (2 copied in)", r.StdOut);
        Assert.Equal(TinySweep.Tables(reference.Dir), TinySweep.Tables(target));
        CliProcess.AssertOneLineError(CliProcess.Run(["merge", TestPaths.NewTempFolder()]), "has no plan.json");
    }

    /// <summary>Stops a batch at the end of an epoch's training, before its results are saved, as a kill would, by throwing out of the training loop.</summary>
    sealed class InterruptAfter(int epochs) : IBatchObserver, ITrainingObserver
    {
        int _seen;

        public ITrainingObserver RunStarted(PlannedRun run, BatchProgress progress) => this;

        public void EpochFinished(EpochRecord record)
        {
            if (++_seen == epochs) throw new OperationCanceledException("interrupted");
        }
    }
}
