using ScottPlot;

namespace HomalgNN.Diagnostics;

/// <summary>The study's 9-panel diagnostic figure: spectra, small singular values, kernels, ranks, gradient flow by source, defects, Betti numbers.</summary>
public static class DiagnosticsPlot
{
    static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>Draws the figure for <paramref name="records"/> (at least one) into a PNG file.</summary>
    public static void Save(string path, IReadOnlyList<DiagnosticRecord> records, double epsilon)
    {
        if (records.Count == 0) throw new ArgumentException("no diagnostics were recorded: use a smaller --log-every");
        int maps = records[0].Maps.Length;
        var steps = records.Select(r => (double)r.Step).ToArray();
        var plots = new List<Plot>
        {
            PerMap("Smallest singular value per map", "singular value", steps, maps, (r, i) => PanelGrid.Log10(r.Maps[i].SingularValues.DefaultIfEmpty().Min()), records, log: true, epsilon),
            PerMap("Largest singular value per map", "singular value", steps, maps, (r, i) => PanelGrid.Log10(r.Maps[i].SingularValues.DefaultIfEmpty().Max()), records, log: true, epsilon),
            Spectrum(records[^1], epsilon),
            PerMap("Singular values below eps", "count", steps, maps, (r, i) => r.Maps[i].SmallSingularValues, records),
            PerMap("Kernel dimension (nullity)", "dim ker d_i", steps, maps, (r, i) => r.Maps[i].Nullity, records),
            Gradients(records, steps, maps),
            PerMap("Rank", "rank d_i", steps, maps, (r, i) => r.Maps[i].Rank, records),
            PerPosition("Exactness defects (subspace distance)", "defect", steps, records[0].Defects.Length, (r, i) => r.Defects[i], records, "ker d{0} vs im d{1}"),
            PerPosition("Betti numbers (H at C_1..C_k)", "b_i", steps, records[0].Betti.Length, (r, i) => r.Betti[i], records, "b_{0}"),
        };
        PanelGrid.SavePng(path, plots, columns: 3);
    }

    static Plot PerMap(string title, string yLabel, double[] steps, int maps, Func<DiagnosticRecord, int, double> value,
        IReadOnlyList<DiagnosticRecord> records, bool log = false, double epsilon = 0)
    {
        var plot = NewPlot(title, yLabel);
        for (int i = 0; i < maps; i++)
        {
            var line = plot.Add.Scatter(steps, records.Select(r => value(r, i)).ToArray());
            Style(line, Palette.GetColor(i), $"d_{i}");
        }
        if (log)
        {
            PanelGrid.LogLeftAxis(plot);
            EpsilonLine(plot, epsilon);
        }
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    static Plot PerPosition(string title, string yLabel, double[] steps, int count, Func<DiagnosticRecord, int, double> value,
        IReadOnlyList<DiagnosticRecord> records, string legend)
    {
        var plot = NewPlot(title, yLabel);
        for (int i = 0; i < count; i++)
        {
            var line = plot.Add.Scatter(steps, records.Select(r => value(r, i)).ToArray());
            Style(line, Palette.GetColor(i), string.Format(legend, i, i + 1));
        }
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    static Plot Spectrum(DiagnosticRecord last, double epsilon)
    {
        var plot = NewPlot($"Singular values at step {last.Step}", "singular value");
        plot.Axes.Bottom.Label.Text = "index (descending)";
        for (int i = 0; i < last.Maps.Length; i++)
        {
            var s = last.Maps[i].SingularValues;
            var line = plot.Add.Scatter(Enumerable.Range(1, s.Length).Select(x => (double)x).ToArray(), s.Select(PanelGrid.Log10).ToArray());
            Style(line, Palette.GetColor(i), $"d_{i}");
        }
        PanelGrid.LogLeftAxis(plot);
        EpsilonLine(plot, epsilon);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    static Plot Gradients(IReadOnlyList<DiagnosticRecord> records, double[] steps, int maps)
    {
        var plot = NewPlot("Gradient norm by map and source (0 drawn at 1e-30)", "||grad||_F");
        (string Name, Func<ScottPlot.LinePattern> Pattern, Func<Training.MapGradients, double> Get)[] sources =
        [
            ("task", () => LinePattern.Solid, g => g.Task),
            ("exactness", () => LinePattern.Dashed, g => g.Exactness),
            ("chain axiom", () => LinePattern.Dotted, g => g.ChainAxiom),
        ];
        foreach (var (name, pattern, get) in sources)
            for (int i = 0; i < maps; i++)
            {
                var line = plot.Add.Scatter(steps, records.Select(r => PanelGrid.Log10(get(r.Maps[i].Gradients))).ToArray());
                Style(line, Palette.GetColor(i), i == 0 ? $"{name} (d_0..d_{maps - 1})" : null);
                line.LinePattern = pattern();
            }
        PanelGrid.LogLeftAxis(plot);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Bottom.Label.Text = "step";
        return plot;
    }

    static void Style(ScottPlot.Plottables.Scatter line, Color color, string? legend)
    {
        line.Color = color;
        line.MarkerSize = 3;
        line.LineWidth = 1.5f;
        if (legend != null) line.LegendText = legend;
    }

    static void EpsilonLine(Plot plot, double epsilon)
    {
        var eps = plot.Add.HorizontalLine(PanelGrid.Log10(epsilon));
        eps.LinePattern = LinePattern.Dashed;
        eps.Color = Colors.Black;
        eps.LegendText = $"eps = {epsilon:g}";
    }
}
