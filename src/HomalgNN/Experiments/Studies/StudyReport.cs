using System.Text;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Reports;
using HomalgNN.Experiments.Sweeps;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Studies;

/// <summary>Writes a study's report.md (the study's tables, with seeds, intervals, computed verdicts and links to the figures) and report.json.</summary>
public static class StudyReport
{
    /// <summary>File names in the experiment folder.</summary>
    public const string MarkdownFile = "report.md", JsonFile = "report.json";

    /// <summary>Builds every section from the finished runs and writes both files atomically; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string dir, StudyPlan plan, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var sweep = SweepTable.Build(plan.LambdaSweep, outcomes);
        var longer = EpochTable.Build(plan.Longer, outcomes);
        var architecture = ArchitectureTable.Build(plan.Architectures, outcomes);
        var md = new StringBuilder();
        md.AppendLine("# The MNIST homology study, reproduced\n");
        md.AppendLine(Header(plan, outcomes));
        md.AppendLine($"## The lambda sweep ({Epochs(plan.LambdaSweep.Points[0].RunKeys[0], outcomes)} epochs each)\n");
        md.AppendLine(sweep.ToMarkdown());
        md.AppendLine($"## Training longer (lambda {Cells.Number(plan.Longer.Lambda)}, {plan.Longer.Epochs} epochs)\n");
        md.AppendLine(longer.ToMarkdown());
        md.AppendLine("Cells: mean over seeds [95% interval]; Exactness Loss is the epoch's mean over its steps. Change: last shown epoch against the first.\n");
        md.AppendLine($"## Architecture (lambda {Cells.Number(StudyDesign.MainLambda)}, {Epochs(plan.Architectures[0].RunKeys[0], outcomes)} epochs)\n");
        md.AppendLine(architecture.ToMarkdown());
        md.AppendLine("Each chain reads the first n_k coordinates of the encoder's output. The Betti change column compares each chain with the smallest Betti vector its own dimensions allow.\n");
        md.AppendLine("## What the singular values are telling us (diagnostics)\n");
        md.AppendLine(DiagnosticsSection.Render(plan.Diagnostics, outcomes));
        md.AppendLine("## Baseline versus exact\n");
        md.AppendLine(StudyComparisonHook.Section(dir, plan.Comparison, outcomes));
        md.AppendLine("## How to read this\n");
        md.AppendLine(SweepReport.Notes + "\n");
        if (Verdicts.SeedsTooFew(plan.Seeds.Count) is { } warning) md.AppendLine(warning + "\n");
        md.AppendLine("## Runs\n");
        md.Append(MarkdownTable.Render(["Run", "Epochs", "Folder"],
            outcomes.Values.Select(o => (IReadOnlyList<string>)[o.Run.Label, $"{o.Run.Options.Epochs}", $"[{o.Run.Folder}]({o.Folder}/results.json)"])));
        var paths = new[] { Path.Combine(dir, MarkdownFile), Path.Combine(dir, JsonFile) };
        AtomicFile.WriteAllText(paths[0], md.ToString());
        AtomicFile.WriteJson(paths[1], new
        {
            plan,
            sweep,
            longer,
            architecture,
            diagnostics = plan.Diagnostics.Select(d => new { d.Lambda, d.Epochs, outcomes[d.RunKey].Folder, summary = outcomes[d.RunKey].DiagnosticsSummary, final = outcomes[d.RunKey].Result.Final }),
        });
        return paths;
    }

    static string Header(StudyPlan plan, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var first = outcomes[plan.LambdaSweep.Points[0].RunKeys[0]].Result.Config;
        string Config(string key) => first.TryGetValue(key, out var v) ? $"{v}" : "?";
        return $"Data set {plan.Dataset} ({Config("train_images")} training, {Config("test_images")} test images); seeds {string.Join(", ", plan.Seeds)}; " +
               $"epochs scaled by {Cells.Number(plan.EpochScale)} from the study's. {outcomes.Count} runs, each trained once however many tables use it. " +
               "Every number and verdict below is computed from the runs' results.json; nothing is written by hand.\n";
    }

    static int Epochs(string key, IReadOnlyDictionary<string, RunOutcome> outcomes) => outcomes[key].Run.Options.Epochs;
}
