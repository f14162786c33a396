using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Reports;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Sweeps;

/// <summary>Writes a sweep's sweep.md, sweep.csv and sweep.json.</summary>
public static class SweepReport
{
    /// <summary>File names in the experiment folder.</summary>
    public const string MarkdownFile = "sweep.md", CsvFile = "sweep.csv", JsonFile = "sweep.json";

    /// <summary>Builds the table from the finished runs and writes the three files atomically; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string dir, SweepPlan plan, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var table = SweepTable.Build(plan, outcomes);
        var paths = new[] { MarkdownFile, CsvFile, JsonFile }.Select(f => Path.Combine(dir, f)).ToArray();
        var warning = Verdicts.SeedsTooFew(table.Rows.Min(r => r.Runs.Count));
        AtomicFile.WriteAllText(paths[0], $"# Sweep\n\n{table.ToMarkdown()}\n{Notes}\n{(warning is null ? "" : $"\n{warning}\n")}");
        AtomicFile.WriteAllText(paths[1], table.ToCsv());
        AtomicFile.WriteJson(paths[2], table);
        return paths;
    }

    /// <summary>How to read the table: what the intervals, the Betti verdict and the tests mean.</summary>
    public const string Notes =
        "Final Accuracy: mean over seeds with its 95% Student-t interval (clipped to [0, 100]%). Final Betti: the vectors seen (H at C_1..C_k), with counts when seeds differ. " +
        "Exactness Loss: mean final value. Verdict: the final Betti numbers against the smallest ones maps of these dimensions can reach " +
        "and against epoch 1; accuracy against the first row by Welch's t-test (an exact permutation test below 5 seeds), alpha 0.05, " +
        "no correction for multiple rows. Every number comes from the runs' results.json.";
}
