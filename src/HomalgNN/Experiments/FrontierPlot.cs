using ScottPlot;
using HomalgNN.Diagnostics;

namespace HomalgNN.Experiments;

/// <summary>frontier.png: test accuracy against three distances from exactness, one curve per loss/architecture, seeds as error bars.</summary>
public static class FrontierPlot
{
    static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>Draws the three panels.</summary>
    public static void Save(string path, IReadOnlyList<FrontierSummary> summary)
    {
        var curves = summary.GroupBy(s => (s.Loss, s.Architecture)).ToList();
        (string Title, string XLabel, Func<FrontierSummary, double> X, bool Log)[] panels =
        [
            ("Accuracy vs chain-axiom violation", "max ||d_i d_i+1|| / (||d_i|| ||d_i+1||)", s => s.RelativeChainAxiom, true),
            ("Accuracy vs mean exactness defect", "mean defect (subspace distance)", s => s.MeanDefect, false),
            ("Accuracy vs homology above the minimum", "total homology - minimum", s => s.HomologyExcess, false),
        ];
        var plots = new List<Plot>();
        foreach (var (title, xLabel, x, log) in panels)
        {
            var plot = new Plot();
            plot.Title(title);
            plot.Axes.Bottom.Label.Text = xLabel + (log ? " (log10)" : "");
            plot.Axes.Left.Label.Text = "test accuracy";
            for (int c = 0; c < curves.Count; c++)
            {
                var pts = curves[c].OrderBy(s => s.Lambda).ToArray();
                var xs = pts.Select(s => log ? PanelGrid.Log10(x(s)) : x(s)).ToArray();
                var ys = pts.Select(s => s.Accuracy).ToArray();
                var line = plot.Add.Scatter(xs, ys);
                line.Color = Palette.GetColor(c);
                line.LegendText = $"{curves[c].Key.Loss}/{curves[c].Key.Architecture}";
                line.MarkerSize = 6;
                var errors = pts.Select(s => s.AccuracyHalfWidth ?? 0).ToArray();
                if (errors.Any(e => e > 0))
                {
                    var bars = plot.Add.ErrorBar(xs, ys, errors);
                    bars.Color = Palette.GetColor(c);
                }
            }
            if (log) PanelGrid.LogBottomAxis(plot);
            PanelGrid.PadDegenerate(plot, summary.Select(s => log ? PanelGrid.Log10(x(s)) : x(s)).ToArray());
            plot.ShowLegend(Alignment.LowerLeft);
            plots.Add(plot);
        }
        PanelGrid.SavePng(path, plots, columns: 3);
    }
}
