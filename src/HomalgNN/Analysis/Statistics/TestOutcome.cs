namespace HomalgNN.Analysis.Statistics;

/// <summary>Result of a two-sided two-sample test of equal means.</summary>
/// <param name="Method">The test used.</param>
/// <param name="Statistic">Welch's t, or for permutation tests the observed difference of means; both are second sample minus first.</param>
/// <param name="DegreesOfFreedom">Welch-Satterthwaite degrees of freedom; null for permutation tests.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Arrangements">Splits examined by a permutation test (all of them when exact); null for Welch.</param>
/// <param name="SmallestAttainablePValue">For an exact permutation test, the p-value of the most extreme split: no data of these sizes can do better.</param>
public sealed record TestOutcome(
    TestMethod Method,
    double Statistic,
    double? DegreesOfFreedom,
    double PValue,
    long? Arrangements = null,
    double? SmallestAttainablePValue = null);
