using System.Text;

namespace HomalgNN.Experiments.Reports;

/// <summary>Renders a GitHub Markdown table with centred columns, as the study's tables are.</summary>
public static class MarkdownTable
{
    /// <summary>The table's lines; '|' inside cells is escaped.</summary>
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        Line(text, header.Select(_ => ":---:"));
        foreach (var row in rows) Line(text, row);
        return text.ToString();
    }

    static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
}
