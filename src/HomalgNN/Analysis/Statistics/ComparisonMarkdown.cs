using System.Text;
using static HomalgNN.Analysis.Statistics.ComparisonFormat;

namespace HomalgNN.Analysis.Statistics;

/// <summary>Markdown rendering of a <see cref="ComparisonTable"/>.</summary>
internal static class ComparisonMarkdown
{
    public static string Render(ComparisonTable table)
    {
        var text = new StringBuilder();
        var percent = Number(100 * table.Level, "G3");
        var header = new List<string> { "metric" };
        header.AddRange(table.Arms.Select(a => $"{a}: mean [{percent}% CI] (n)"));
        foreach (var arm in table.Arms.Skip(1))
        {
            header.AddRange([$"{arm} vs {table.Arms[0]}", $"p ({arm})", $"p < {Number(table.Alpha, "G3")} ({arm})"]);
        }

        AppendRow(text, header);
        AppendRow(text, header.Select(_ => "---"));
        var notes = new List<string>();
        foreach (var row in table.Rows)
        {
            var cells = new List<string> { row.Metric };
            cells.AddRange(row.Arms.Select(Estimate));
            foreach (var contrast in row.Contrasts)
            {
                cells.AddRange([Change(contrast), PValue(contrast), Significance(contrast)]);
                notes.Add($"- {row.Metric}, {contrast.Arm} vs {contrast.Reference}: {contrast.Note}");
            }

            AppendRow(text, cells);
        }

        if (notes.Count > 0)
        {
            text.AppendLine();
            notes.ForEach(n => text.AppendLine(n));
        }

        return text.ToString();
    }

    /// <summary>One Markdown table row; pipes inside cells are escaped.</summary>
    internal static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
}
