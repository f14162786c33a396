using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomalgNN.Analysis.Statistics;

/// <summary>The rows of a <see cref="Comparison"/>, renderable as Markdown or JSON.</summary>
/// <param name="Arms">Arm names; the first is the reference.</param>
/// <param name="Level">Confidence level of the intervals.</param>
/// <param name="Alpha">Significance threshold.</param>
/// <param name="Rows">One row per metric.</param>
public sealed record ComparisonTable(IReadOnlyList<string> Arms, double Level, double Alpha, IReadOnlyList<ComparisonRow> Rows)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Indented camelCase JSON; tests appear by name, absent p-values as null.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads back what <see cref="ToJson"/> wrote.</summary>
    public static ComparisonTable FromJson(string json) =>
        JsonSerializer.Deserialize<ComparisonTable>(json, JsonOptions)
        ?? throw new JsonException("The JSON holds no comparison table.");

    /// <summary>A GitHub-flavoured Markdown table, one row per metric, followed by each contrast's note.</summary>
    public string ToMarkdown() => ComparisonMarkdown.Render(this);
}
