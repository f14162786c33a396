using HomalgNN.Analysis.Statistics;
using HomalgNN.Diagnostics;

namespace HomalgNN.Experiments.Reports;

/// <summary>Verdict sentences computed from the numbers (never written by hand): where the Betti numbers stand, and whether a difference is significant.</summary>
public static class Verdicts
{
    /// <summary>
    /// Compares each seed's final Betti vector with the smallest one maps of these dimensions can reach and with its
    /// epoch-1 vector, e.g. "Betti unchanged at the dimensional minimum [0,0,0,128]".
    /// </summary>
    public static string Betti(IReadOnlyList<int[]?> finals, IReadOnlyList<int[]?> firsts, IReadOnlyList<int> dims)
    {
        if (finals.Any(b => b is null)) return "no chain (baseline): no Betti numbers";
        var minimal = DiagnosticsSummary.MinimalBetti(dims);
        bool moved = finals.Zip(firsts).Any(p => p.Second is null || !p.First!.SequenceEqual(p.Second));
        int atMinimum = finals.Count(b => b!.SequenceEqual(minimal));
        var how = moved ? "moved" : "unchanged";
        if (atMinimum == finals.Count && minimal.All(b => b == 0)) return $"Betti {how}, all zero: exact";
        var where = atMinimum == finals.Count ? "at the dimensional minimum"
            : atMinimum == 0 ? "above the dimensional minimum"
            : $"at the dimensional minimum in {atMinimum} of {finals.Count} seeds, above it in the rest";
        return $"Betti {how} {where} {Cells.Vector(minimal)}";
    }

    /// <summary>"accuracy -0.42 pp vs lambda=0.1, not significant (p = 0.33, exact permutation)"; "reference" for the first row.</summary>
    public static string Accuracy(ArmContrast? contrast) =>
        contrast is null ? "reference row" : $"accuracy {Cells.Number(100 * contrast.Difference, "+0.00;-0.00;0.00")} pp vs {contrast.Reference}, {Significance(contrast)}";

    /// <summary>"significant (p = 0.003, Welch)", "not significant (p = 0.33, exact permutation)" or "no test (one seed)".</summary>
    public static string Significance(ArmContrast c) => c.PValue is not { } p
        ? "no test (one seed: use --seeds 2 or more)"
        : $"{(c.Significant == true ? "significant" : "not significant")} (p = {Cells.Number(p, "G2")}, {Method(c.Test)})";

    /// <summary>
    /// A warning when <paramref name="seeds"/> per row cannot give p &lt; alpha in an exact permutation test: the most
    /// extreme split of 2n values has two-sided p = 2 / C(2n, n) (0.33 for 2 seeds, 0.1 for 3); null when they can.
    /// </summary>
    public static string? SeedsTooFew(int seeds, double alpha = 0.05)
    {
        double splits = 1;
        for (int i = 1; i <= seeds; i++) splits = splits * (seeds + i) / i;
        double floor = Math.Min(1, 2 / splits);
        return floor < alpha ? null
            : $"With {seeds} seed{(seeds == 1 ? "" : "s")} per row no difference can reach p < {Cells.Number(alpha)} (the smallest attainable p is {Cells.Number(floor, "G2")}): use --seeds 4 or more before reading anything into the tests.";
    }

    static string Method(TestMethod m) => m switch
    {
        TestMethod.Welch => "Welch",
        TestMethod.ExactPermutation => "exact permutation",
        TestMethod.MonteCarloPermutation => "permutation",
        _ => "none",
    };
}
