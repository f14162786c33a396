using System.Globalization;
using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Experiments.Reports;

/// <summary>How report tables write numbers: means with their interval, percentages, Betti vectors and changes.</summary>
public static class Cells
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>"mean [low, high]" (the interval only when there are two or more seeds), values multiplied by <paramref name="scale"/>, the interval clipped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string Mean(MeanEstimate e, string format = "G4", double scale = 1, string unit = "", double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var mean = (e.Mean * scale).ToString(format, C) + unit;
        return e.Lower is { } low && e.Upper is { } high
            ? $"{mean} [{(Math.Max(low, min) * scale).ToString(format, C)}, {(Math.Min(high, max) * scale).ToString(format, C)}]"
            : mean;
    }

    /// <summary>An accuracy in [0, 1] as "97.70% [97.51, 97.89]"; a t interval of few seeds can pass 100%, so it is clipped to [0, 100].</summary>
    public static string Percent(MeanEstimate e) => Mean(e, "F2", 100, "%", 0, 1);

    /// <summary>"[0,0,0,128]", or "-" for a network without a chain.</summary>
    public static string Vector(IReadOnlyList<int>? v) => v is null ? "-" : $"[{string.Join(",", v)}]";

    /// <summary>The Betti vectors seen across seeds: one vector when all agree, else each with its count, e.g. "[0,29,0,0] x2, [0,30,0,0] x1".</summary>
    public static string VectorsSeen(IEnumerable<IReadOnlyList<int>?> vectors)
    {
        var groups = vectors.Select(Vector).GroupBy(v => v).ToList();
        return groups.Count == 1 ? groups[0].Key : string.Join(", ", groups.Select(g => $"{g.Key} x{g.Count()}"));
    }

    /// <summary>A relative change in percent, e.g. "-71.3%", or the absolute difference when the reference mean is 0.</summary>
    public static string RelativeChange(ArmContrast c) =>
        c.RelativeChange is { } r ? (100 * r).ToString("+0.0#;-0.0#;0.0", C) + "%" : "difference " + c.Difference.ToString("+G4;-G4;0", C);

    /// <summary>An invariant-culture number.</summary>
    public static string Number(double value, string format = "G4") => value.ToString(format, C);
}
