using System.Globalization;

namespace HomalgNN.Analysis.Statistics;

/// <summary>The cell texts of a comparison, shared by the Markdown file and the terminal table so that both read alike.</summary>
public static class ComparisonFormat
{
    /// <summary>"mean [lower, upper] (n)", or "mean [no CI] (n)" for a single value.</summary>
    public static string Estimate(ArmSummary arm) => Estimate(arm.Mean, arm.Lower, arm.Upper, arm.N);

    /// <summary>"mean [lower, upper] (n)", or "mean [no CI] (n)" for a single value.</summary>
    public static string Estimate(MeanEstimate estimate) => Estimate(estimate.Mean, estimate.Lower, estimate.Upper, estimate.N);

    /// <summary>The relative change in percent with its sign, or why there is none.</summary>
    public static string Change(ArmContrast contrast) =>
        contrast.RelativeChange is { } r ? Number(100 * r, "+0.0;-0.0;0.0") + "%" : "n/a (reference mean 0)";

    /// <summary>"p (test)", or "no test".</summary>
    public static string PValue(ArmContrast contrast) =>
        contrast.PValue is { } p ? $"{Number(p, "G3")} ({Label(contrast.Test)})" : "no test";

    /// <summary>"yes", "no", or "n/a" when no test was possible.</summary>
    public static string Significance(ArmContrast contrast) => contrast.Significant switch { true => "yes", false => "no", null => "n/a" };

    /// <summary>A test's name as the tables print it.</summary>
    public static string Label(TestMethod method) => method switch
    {
        TestMethod.Welch => "Welch",
        TestMethod.ExactPermutation => "exact permutation",
        TestMethod.MonteCarloPermutation => "Monte Carlo permutation",
        _ => "none",
    };

    /// <summary>A number in the invariant culture.</summary>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Estimate(double mean, double? lower, double? upper, int n) =>
        lower is { } low && upper is { } high
            ? $"{Number(mean, "G4")} [{Number(low, "G4")}, {Number(high, "G4")}] ({n})"
            : $"{Number(mean, "G4")} [no CI] ({n})";
}
