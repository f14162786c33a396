using HomalgNN.Analysis.Statistics;
using HomalgNN.Experiments.Comparisons;
using Spectre.Console;
using static HomalgNN.Analysis.Statistics.ComparisonFormat;

namespace HomalgNN.Cli.Display;

/// <summary>Prints a comparison in the terminal: the metric table (means, intervals, change, p) and the similarity table, with their legends.</summary>
public static class CompareTableView
{
    public static void Print(IAnsiConsole console, CompareReport report)
    {
        var t = report.Table;
        var percent = Number(100 * t.Level, "G3");
        var table = new Table().Title(Markup.Escape($"{report.Settings.Dataset}, layer {report.Settings.Layer}: mean [{percent}% CI] (runs)"));
        table.AddColumn("metric");
        foreach (var arm in t.Arms) table.AddColumn(new TableColumn(Markup.Escape(arm)).RightAligned());
        foreach (var arm in t.Arms.Skip(1)) table.AddColumn(new TableColumn(Markup.Escape($"{arm} vs {t.Arms[0]}")).RightAligned());
        foreach (var row in t.Rows)
        {
            var cells = new List<string> { Markup.Escape(row.Metric) };
            cells.AddRange(row.Arms.Select(a => Markup.Escape(Estimate(a))));
            cells.AddRange(row.Contrasts.Select(Contrast));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        if (report.Untestable) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(CompareMarkdown.NoTestNotice)}");
        console.MarkupLine(Markup.Escape($"* p < {Number(t.Alpha, "G3")}. " + CompareMarkdown.TableLegend(t)));
        if (report.Similarity.Count == 0) return;
        var similarity = new Table().Title(Markup.Escape($"similarity of representations at {report.Settings.Layer}"))
            .AddColumns("pair", Markup.Escape($"mean CCA [{percent}% CI] (pairs)"), Markup.Escape($"linear CKA [{percent}% CI] (pairs)"));
        foreach (var row in report.Similarity)
            similarity.AddRow(Markup.Escape(row.Label), Markup.Escape(Cell(row.MeanCcaEstimate)), Markup.Escape(Cell(row.CkaEstimate)));
        console.Write(similarity);
        console.MarkupLine(Markup.Escape(CompareMarkdown.SimilarityLegend));
    }

    static string Contrast(ArmContrast c)
    {
        var text = Markup.Escape($"{Change(c)}  {(c.PValue is null ? "no test" : "p " + PValue(c))}");
        return c.Significant == true ? $"[bold]{text} *[/]" : text;
    }

    static string Cell(MeanEstimate? estimate) => estimate is null ? "n/a" : Estimate(estimate);
}
