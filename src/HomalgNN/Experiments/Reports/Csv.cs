using System.Text;

namespace HomalgNN.Experiments.Reports;

/// <summary>Renders RFC 4180 CSV: cells with commas, quotes or line breaks are quoted.</summary>
public static class Csv
{
    /// <summary>The header line and one line per row.</summary>
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Cell)).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', row.Select(Cell)).Append('\n');
        return text.ToString();
    }

    static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
