using System.Globalization;
using System.Text;

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
            cells.AddRange(row.Arms.Select(Summary));
            foreach (var contrast in row.Contrasts)
            {
                cells.Add(contrast.RelativeChange is { } r ? Number(100 * r, "+0.0;-0.0;0.0") + "%" : "n/a (reference mean 0)");
                cells.Add(contrast.PValue is { } p ? $"{Number(p, "G3")} ({Label(contrast.Test)})" : "no test");
                cells.Add(contrast.Significant switch { true => "yes", false => "no", null => "n/a" });
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

    private static string Summary(ArmSummary arm) =>
        arm.Lower is { } low && arm.Upper is { } high
            ? $"{Number(arm.Mean, "G4")} [{Number(low, "G4")}, {Number(high, "G4")}] ({arm.N})"
            : $"{Number(arm.Mean, "G4")} [no CI] ({arm.N})";

    private static string Label(TestMethod method) => method switch
    {
        TestMethod.Welch => "Welch",
        TestMethod.ExactPermutation => "exact permutation",
        TestMethod.MonteCarloPermutation => "Monte Carlo permutation",
        _ => "none",
    };

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
}
