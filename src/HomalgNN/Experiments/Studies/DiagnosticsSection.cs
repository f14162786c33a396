using System.Text;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Reports;

namespace HomalgNN.Experiments.Studies;

/// <summary>The study's singular-value section: per diagnostics run, the 9-panel figure, the computed explanation and each map's final spectrum.</summary>
public static class DiagnosticsSection
{
    /// <summary>Markdown for every diagnostics run.</summary>
    public static string Render(IReadOnlyList<DiagnosticsEntry> entries, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            var o = outcomes[entry.RunKey];
            var f = o.Result.Final!;
            text.AppendLine($"### lambda {Cells.Number(entry.Lambda)}: {entry.Epochs} epochs, batch {entry.BatchSize}, seed {o.Run.Options.Seed}\n");
            text.AppendLine($"![9-panel diagnostics, lambda {Cells.Number(entry.Lambda)}]({o.Folder}/{DiagnoseRun.PlotFile})\n");
            foreach (var line in o.DiagnosticsSummary ?? []) text.AppendLine($"- {line}");
            text.AppendLine();
            text.Append(MarkdownTable.Render(["Map", "Shape", "Rank", "Nullity", "#sv < eps", "Min singular value"],
                Enumerable.Range(0, f.Ranks?.Length ?? 0).Select(i => (IReadOnlyList<string>)[
                    $"d{i}", $"{f.Shapes![i][0]}x{f.Shapes[i][1]}", $"{f.Ranks![i]}", $"{f.Nullities![i]}", $"{f.SmallSingularValues![i]}", Cells.Number(f.MinSingularValues![i], "G3")])));
            text.AppendLine();
        }
        return text.ToString();
    }
}
