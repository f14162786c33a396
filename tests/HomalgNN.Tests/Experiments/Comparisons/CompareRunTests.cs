using System.Text.Json;
using System.Text.Json.Nodes;
using HomalgNN.Data;
using HomalgNN.Experiments;
using HomalgNN.Experiments.Comparisons;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Tests.Experiments.Comparisons;

/// <summary>A 2 arms x 2 seeds comparison on a few hundred real images, run once for the tests of its class.</summary>
public sealed class TinyComparison
{
    public static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    public TinyComparison()
    {
        Out = TestPaths.NewTempFolder();
        Report = CompareRun.Execute(Options(Out), Mnist10k, Observer);
        Markdown = File.ReadAllText(Path.Combine(Out, CompareReport.MarkdownFile));
        Json = File.ReadAllText(Path.Combine(Out, CompareReport.JsonFile));
    }

    public string Out { get; }
    public CompareReport Report { get; }
    public string Markdown { get; }
    public string Json { get; }
    public RecordingObserver Observer { get; } = new();

    public static TrainingOptions Template(bool baseline, int epochs = 1) =>
        new(new NetworkConfig(NetworkConfig.StudyDims, Baseline: baseline), Epochs: epochs, BatchSize: 128, TrainLimit: 256);

    public static CompareOptions Options(string outDir, IReadOnlyList<int>? seeds = null, int epochs = 1) => new(
        [CompareArm.Trained("baseline", Template(true, epochs)), CompareArm.Trained("exact", Template(false, epochs))],
        seeds ?? [0, 1], outDir, MeasureLimit: 200);
}

/// <summary>Counts what a comparison reports.</summary>
public sealed class RecordingObserver : ICompareObserver
{
    public List<PlannedRun> Plan { get; } = [];
    public List<RunMeasurement> Finished { get; } = [];
    public int Epochs { get; private set; }

    public void Planned(IReadOnlyList<PlannedRun> runs) => Plan.AddRange(runs);
    public void EpochFinished(EpochRecord record) => Epochs++;
    public void RunFinished(int index, PlannedRun run, RunMeasurement measurement) => Finished.Add(measurement);
}

[Collection("Training")]
public class CompareRunTests(TinyComparison tiny) : IClassFixture<TinyComparison>
{
    static readonly string[] MetricRows =
        ["test accuracy", "entanglement", "rank ratio", "effective rank", "participation ratio", "spectral entropy (bits)", "probe accuracy", "probe complexity", "FER score"];

    [Fact]
    public void Execute_TwoArmsTwoSeeds_TrainsEachRunIntoItsFolder()
    {
        Assert.Equal(4, tiny.Observer.Plan.Count);
        Assert.All(tiny.Observer.Plan, r => Assert.Equal(RunAction.Train, r.Action));
        Assert.Equal(4, tiny.Observer.Epochs);
        foreach (var arm in new[] { "baseline", "exact" })
            foreach (var seed in new[] { 0, 1 })
                Assert.True(SavedRun.IsCompleted(Path.Combine(tiny.Out, arm, $"seed{seed}")), $"{arm}/seed{seed}");
        Assert.Equal(4, tiny.Report.Runs.Count);
        Assert.All(tiny.Report.Runs, r => Assert.InRange(r.TestAccuracy, 0.05, 1));
    }

    [Fact]
    public void Execute_MarkdownHasEveryMetricArmAndTest()
    {
        var lines = tiny.Markdown.Split('\n');
        var header = Assert.Single(lines, l => l.StartsWith("| metric |"));
        Assert.Equal("| metric | baseline: mean [95% CI] (n) | exact: mean [95% CI] (n) | exact vs baseline | p (exact) | p < 0.05 (exact) |", header);
        foreach (var metric in MetricRows)
        {
            var row = Assert.Single(lines, l => l.StartsWith($"| {metric} |"));
            Assert.Equal(6, row.Trim().Trim('|').Split(" | ").Length); // metric, 2 arms, change, p, significance
            Assert.Contains("(exact permutation)", row); // two seeds per arm: Welch is not used
        }
        Assert.Contains("| exact vs baseline, same seed |", tiny.Markdown);
        Assert.Contains("| baseline, next seed |", tiny.Markdown);
        Assert.Contains("| exact, next seed |", tiny.Markdown);
    }

    [Fact]
    public void Execute_JsonHasTheTableSimilarityAndRuns()
    {
        using var doc = JsonDocument.Parse(tiny.Json);
        var root = doc.RootElement;
        Assert.Equal("bridge_out", root.GetProperty("settings").GetProperty("layer").GetString());
        Assert.Equal(200, root.GetProperty("settings").GetProperty("measured_images").GetInt32());
        var table = root.GetProperty("table");
        Assert.Equal(["baseline", "exact"], table.GetProperty("arms").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(MetricRows, table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("metric").GetString()));
        var contrast = table.GetProperty("rows")[0].GetProperty("contrasts")[0];
        Assert.Equal("exact_permutation", contrast.GetProperty("test").GetString());
        Assert.InRange(contrast.GetProperty("p_value").GetDouble(), 0, 1);
        var similarity = root.GetProperty("similarity")[0];
        Assert.Equal(2, similarity.GetProperty("mean_cca").GetArrayLength());
        Assert.InRange(similarity.GetProperty("mean_cca")[0].GetDouble(), 0, 1);
        Assert.Equal(4, root.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Execute_Again_SkipsTheFinishedRunsAndGivesTheSameTable()
    {
        var results = Directory.GetFiles(tiny.Out, "results.json", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var observer = new RecordingObserver();

        var again = CompareRun.Execute(TinyComparison.Options(tiny.Out), TinyComparison.Mnist10k, observer);

        Assert.All(observer.Plan, r => Assert.Equal(RunAction.Reuse, r.Action));
        Assert.Equal(0, observer.Epochs);
        Assert.All(results, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(kv.Key)));
        Assert.Equal(tiny.Report.Runs.Select(r => r.Fer), again.Runs.Select(r => r.Fer));
        Assert.Equal(tiny.Report.Table.Rows, again.Table.Rows, (a, b) => a.Arms.SequenceEqual(b.Arms));
    }

    [Fact]
    public void Execute_OneSeedOfLoadedRuns_SaysNoTestIsPossible()
    {
        var arms = new[] { "baseline", "exact" }.Select(a => CompareArm.Loaded(a, [Path.Combine(tiny.Out, a)])).ToList();
        var outDir = TestPaths.NewTempFolder();

        var report = CompareRun.Execute(new CompareOptions(arms, [1], outDir, MeasureLimit: 200), TinyComparison.Mnist10k);

        Assert.True(report.Untestable);
        Assert.All(report.Table.Rows, row => Assert.Contains("no test possible", Assert.Single(row.Contrasts).Note));
        Assert.All(report.Runs, r => Assert.Equal(RunAction.Load, r.Action));
        var markdown = File.ReadAllText(Path.Combine(outDir, CompareReport.MarkdownFile));
        Assert.Contains(CompareMarkdown.NoTestNotice, markdown);
        Assert.Contains("| test accuracy |", markdown);
        Assert.Contains("no test", markdown);
        // Loaded runs are measured where they are: nothing is trained into the new folder.
        Assert.False(Directory.Exists(Path.Combine(outDir, "exact")));
    }

    [Fact]
    public void Plan_FinishedRunWithOtherSettings_IsAnErrorNotASilentReuse()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ComparePlan.Make(TinyComparison.Options(tiny.Out, epochs: 2), TinyComparison.Mnist10k));
        Assert.Contains("epochs: 1 in results.json, 2 now", e.Message);
        Assert.Contains("another --out", e.Message);
    }

    [Fact]
    public void Plan_UnfinishedRun_IsTrainedAgain()
    {
        var copy = TestPaths.NewTempFolder();
        foreach (var file in Directory.GetFiles(tiny.Out, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(tiny.Out, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var killed = Path.Combine(copy, "exact", "seed1", "results.json");
        var root = JsonNode.Parse(File.ReadAllText(killed))!;
        root["completed"] = false;
        File.WriteAllText(killed, root.ToJsonString());

        var plan = ComparePlan.Make(TinyComparison.Options(copy), TinyComparison.Mnist10k);

        Assert.Equal([RunAction.Reuse, RunAction.Reuse, RunAction.Reuse, RunAction.Train], plan.Select(r => r.Action));
    }

    [Fact]
    public void Plan_LoadedArmWithoutTheSeed_ListsTheSeedsItHas()
    {
        var options = new CompareOptions([CompareArm.Loaded("exact", [Path.Combine(tiny.Out, "exact")])], [0, 7], TestPaths.NewTempFolder());
        var e = Assert.Throws<ArgumentException>(() => ComparePlan.Make(options, TinyComparison.Mnist10k));
        Assert.Contains("no run with seed 7 (found seeds 0,1)", e.Message);
    }
}
