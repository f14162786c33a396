using System.Globalization;

namespace HomalgNN.Analysis.Statistics;

/// <summary>One arm against the reference (first) arm on one metric: change, test, p-value and why.</summary>
/// <param name="Arm">The arm compared.</param>
/// <param name="Reference">The reference arm.</param>
/// <param name="Difference">mean(arm) - mean(reference).</param>
/// <param name="RelativeChange">Difference / |mean(reference)|; null when the reference mean is 0.</param>
/// <param name="Test">The test used, or None.</param>
/// <param name="PValue">Two-sided p-value; null when no test was possible.</param>
/// <param name="Significant">p &lt; alpha; null when no test was possible.</param>
/// <param name="Note">Why this test (or none), and what limits it.</param>
public sealed record ArmContrast(
    string Arm,
    string Reference,
    double Difference,
    double? RelativeChange,
    TestMethod Test,
    double? PValue,
    bool? Significant,
    string Note)
{
    /// <summary>
    /// Chooses the test: none if either arm has one value; an exact (or, for large pools, Monte Carlo) permutation
    /// test if either arm has fewer than <paramref name="permutationBelow"/> values or both are constant; else Welch.
    /// </summary>
    internal static ArmContrast Compute(
        string arm, IReadOnlyList<double> values, string reference, IReadOnlyList<double> referenceValues, double alpha, int permutationBelow, int seed)
    {
        var referenceMean = referenceValues.Average();
        var difference = values.Average() - referenceMean;
        double? relative = referenceMean != 0 ? difference / Math.Abs(referenceMean) : null;
        if (values.Count < 2 || referenceValues.Count < 2)
        {
            var why = values.Count < 2 && referenceValues.Count < 2
                ? "one value per arm: no test possible"
                : $"one value in '{(values.Count < 2 ? arm : reference)}': no test possible (needs at least 2 per arm)";
            return new ArmContrast(arm, reference, difference, relative, TestMethod.None, null, null, why);
        }

        var constant = values.Distinct().Count() == 1 && referenceValues.Distinct().Count() == 1;
        var small = Math.Min(values.Count, referenceValues.Count) < permutationBelow;
        if (constant || small)
        {
            var outcome = PermutationTest.Compute(referenceValues, values, seed);
            return new ArmContrast(arm, reference, difference, relative, outcome.Method, outcome.PValue, outcome.PValue < alpha, PermutationNote(outcome, constant, permutationBelow, alpha));
        }

        var welch = WelchTest.Compute(referenceValues, values);
        var note = string.Create(CultureInfo.InvariantCulture, $"Welch t = {welch.Statistic:G4}, df = {welch.DegreesOfFreedom:G4}");
        return new ArmContrast(arm, reference, difference, relative, TestMethod.Welch, welch.PValue, welch.PValue < alpha, note);
    }

    private static string PermutationNote(TestOutcome outcome, bool constant, int permutationBelow, double alpha)
    {
        var why = constant ? "both arms constant, Welch undefined" : $"fewer than {permutationBelow} values in an arm";
        var kind = outcome.Method == TestMethod.ExactPermutation
            ? $"exact permutation test over {outcome.Arrangements} splits"
            : $"Monte Carlo permutation test, {outcome.Arrangements} seeded splits";
        var note = string.Create(CultureInfo.InvariantCulture, $"{kind} ({why})");
        if (outcome.SmallestAttainablePValue is { } floor && floor >= alpha)
        {
            note += string.Create(CultureInfo.InvariantCulture, $"; no split of these values gives p below {floor:G3}, so p < {alpha:G3} is unreachable");
        }

        return note;
    }
}
