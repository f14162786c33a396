using ScottPlot;
using SkiaSharp;

namespace HomalgNN.Diagnostics;

/// <summary>Lays out ScottPlot plots in a grid and saves them as one PNG.</summary>
public static class PanelGrid
{
    /// <summary>Renders <paramref name="plots"/> row by row into a PNG of <paramref name="columns"/> columns, each panel panelWidth x panelHeight.</summary>
    public static void SavePng(string path, IReadOnlyList<Plot> plots, int columns, int panelWidth = 560, int panelHeight = 420)
    {
        int rows = (plots.Count + columns - 1) / columns;
        using var surface = SKSurface.Create(new SKImageInfo(columns * panelWidth, rows * panelHeight));
        surface.Canvas.Clear(SKColors.White);
        for (int i = 0; i < plots.Count; i++)
        {
            using var bitmap = SKBitmap.Decode(plots[i].GetImageBytes(panelWidth, panelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, i % columns * panelWidth, i / columns * panelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        Training.AtomicFile.Write(path, s => data.SaveTo(s));
    }

    /// <summary>Turns a plot's left axis into a log10 axis: values are plotted as log10 and ticks read 1e-3, 1e0, ...</summary>
    public static void LogLeftAxis(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = PowerOfTen };
    }

    /// <summary>The same for the bottom axis.</summary>
    public static void LogBottomAxis(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = PowerOfTen };
    }

    // Whole decades read 1e-3; ticks between decades (narrow ranges) read as the value itself.
    static string PowerOfTen(double v) =>
        Math.Abs(v - Math.Round(v)) < 1e-9 ? $"1e{Math.Round(v):0}" : Math.Pow(10, v).ToString("0.##e+0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Pads an axis whose data is (nearly) one value, so that its ticks stay readable.</summary>
    public static void PadDegenerate(Plot plot, IReadOnlyCollection<double> xs)
    {
        if (xs.Count == 0) return;
        double lo = xs.Min(), hi = xs.Max();
        if (hi - lo < 1e-9 * Math.Max(1, Math.Abs(hi))) plot.Axes.SetLimitsX(lo - 1, hi + 1);
    }

    /// <summary>log10 of a positive value; values at or below zero are drawn at 1e-30.</summary>
    public static double Log10(double v) => Math.Log10(Math.Max(v, 1e-30));
}
