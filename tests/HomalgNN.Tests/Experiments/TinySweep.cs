using System.Text.Json.Nodes;
using HomalgNN.Cli.Commands;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Sweeps;

namespace HomalgNN.Tests.Experiments;

/// <summary>A two-run sweep on a few hundred real MNIST images, and its output files with the timings taken out.</summary>
public static class TinySweep
{
    /// <summary>The command-line flags of the sweep (lambda 0.1 and 1.0, one seed, 1 epoch of 4 steps).</summary>
    public static string[] Flags(string outDir) =>
        ["--dataset", "mnist-10k", "--data-dir", TestPaths.SharedData, "--lambda", "0.1,1.0", "--epochs", "1", "--train-limit", "256", "--batch-size", "64", "--out", outDir];

    /// <summary>The same sweep's plan, built in-process by the CLI's planner.</summary>
    public static ExperimentPlan Plan()
    {
        var settings = new TrainSettings { Dataset = "mnist-10k", DataDir = TestPaths.SharedData, LambdaText = "0.1,1.0", Epochs = 1, TrainLimit = 256, BatchSize = 64 };
        return SweepPlanner.Plan(settings, SweepPlanner.Axes(settings, null), [0]);
    }

    /// <summary>sweep.md, sweep.csv and sweep.json of <paramref name="dir"/> without their timing columns: what must match between runs of the same plan.</summary>
    public static (string Markdown, string Csv, string Json) Tables(string dir)
    {
        var md = File.ReadAllText(Path.Combine(dir, SweepReport.MarkdownFile));
        var csv = string.Join("\n", File.ReadAllLines(Path.Combine(dir, SweepReport.CsvFile)).Select(l => l[..l.LastIndexOf(',')]));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, SweepReport.JsonFile)))!;
        foreach (var row in json["rows"]!.AsArray())
        {
            row!.AsObject().Remove("mean_seconds");
            foreach (var run in row["runs"]!.AsArray()) run!.AsObject().Remove("seconds");
        }
        return (md, csv, json.ToJsonString());
    }
}
