namespace HomalgNN.Analysis.Statistics;

/// <summary>Which two-sample test produced a p-value.</summary>
public enum TestMethod
{
    /// <summary>No test was possible (see the accompanying reason).</summary>
    None,

    /// <summary>Welch's unequal-variance t-test, two-sided.</summary>
    Welch,

    /// <summary>Permutation test of the difference of means over every split of the pooled values, two-sided.</summary>
    ExactPermutation,

    /// <summary>Permutation test of the difference of means over seeded random splits, two-sided.</summary>
    MonteCarloPermutation,
}
