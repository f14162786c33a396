using System.Text;
using HomalgNN.Analysis.Statistics;
using static HomalgNN.Analysis.Statistics.ComparisonFormat;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>Markdown rendering of a <see cref="CompareReport"/>, and the legends the terminal prints too.</summary>
public static class CompareMarkdown
{
    /// <summary>The whole report as Markdown.</summary>
    public static string Render(CompareReport report)
    {
        var s = report.Settings;
        var text = new StringBuilder();
        text.AppendLine($"# Comparison at `{s.Layer}` on {s.Dataset}").AppendLine();
        text.AppendLine($"Seeds {string.Join(", ", s.Seeds)} ({s.Seeds.Count} run(s) per arm, paired by seed). Test accuracy on {s.TestImages:N0} test images; "
            + $"representation metrics on {s.MeasuredImages:N0} of them. Written {s.CreatedUtc}.").AppendLine();
        ComparisonMarkdown.AppendRow(text, ["arm", "runs", "trained as"]);
        ComparisonMarkdown.AppendRow(text, ["---", "---", "---"]);
        foreach (var arm in s.Arms) ComparisonMarkdown.AppendRow(text, [arm.Name, arm.Source, arm.Description]);
        text.AppendLine().AppendLine($"## Metrics (reference: {s.Arms[0].Name})").AppendLine();
        if (report.Untestable) text.AppendLine(NoTestNotice).AppendLine();
        text.Append(report.Table.ToMarkdown()).AppendLine();
        text.AppendLine(TableLegend(report.Table)).AppendLine();
        if (report.Similarity.Count > 0)
        {
            text.AppendLine($"## Similarity of representations at `{s.Layer}`").AppendLine();
            var percent = Number(100 * report.Table.Level, "G3");
            ComparisonMarkdown.AppendRow(text, ["pair", $"mean CCA [{percent}% CI] (pairs)", $"linear CKA [{percent}% CI] (pairs)"]);
            ComparisonMarkdown.AppendRow(text, ["---", "---", "---"]);
            foreach (var row in report.Similarity)
                ComparisonMarkdown.AppendRow(text, [row.Label, Cell(row.MeanCcaEstimate), Cell(row.CkaEstimate)]);
            text.AppendLine().AppendLine(SimilarityLegend).AppendLine();
        }
        return text.ToString();
    }

    /// <summary>What a table with one seed per arm can and cannot say.</summary>
    public const string NoTestNotice = "One seed per arm: no test is possible, the table gives single values; run two or more seeds (five for Welch's t).";

    /// <summary>How to read the metric table.</summary>
    public static string TableLegend(ComparisonTable table) =>
        $"Each cell is the mean over seeds with its {Number(100 * table.Level, "G3")}% Student-t interval and the number of runs. "
        + $"\"vs {table.Arms[0]}\" is the relative change of the mean; p is two-sided, from Welch's t-test with 5 or more runs per arm, "
        + $"else an exact permutation test (which cannot go below 0.1 with 3 runs per arm). p < {Number(table.Alpha, "G3")} is not corrected "
        + "for the number of rows and arms tested.";

    /// <summary>How to read the similarity table.</summary>
    public const string SimilarityLegend =
        "1 means the same representation up to a linear map (CCA) or up to rotation and scale (CKA). \"next seed\" rows compare one arm's "
        + "runs with consecutive seeds: how alike two runs of one recipe are, the yardstick for the same-seed rows. "
        + "Mean CCA is biased upwards when the images are not many times the units.";

    static string Cell(MeanEstimate? estimate) => estimate is null ? "n/a (constant representation)" : Estimate(estimate);
}
