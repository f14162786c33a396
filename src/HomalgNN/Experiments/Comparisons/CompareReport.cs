using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>A finished comparison: settings, the metric table, the similarity of representations, and every run's numbers.</summary>
/// <param name="Settings">What was compared, and how.</param>
/// <param name="Table">One row per metric of <see cref="CompareMetrics"/>: each arm's mean and interval, and each arm against the first.</param>
/// <param name="Similarity">Redundancy between arms (same seed) and within each arm (next seed).</param>
/// <param name="Runs">Each run's measurement, seed by seed.</param>
public sealed record CompareReport(
    CompareSettings Settings,
    ComparisonTable Table,
    IReadOnlyList<ArmSimilarity> Similarity,
    IReadOnlyList<RunMeasurement> Runs)
{
    /// <summary>File names in the output folder.</summary>
    public const string MarkdownFile = "compare.md", JsonFile = "compare.json";

    /// <summary>True when some arm has a single run: no test is possible.</summary>
    public bool Untestable => Settings.Seeds.Count < 2;

    /// <summary>The report as Markdown: settings, the metric table with its notes, the similarity table.</summary>
    public string ToMarkdown() => CompareMarkdown.Render(this);
}
