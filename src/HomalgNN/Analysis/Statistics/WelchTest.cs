namespace HomalgNN.Analysis.Statistics;

/// <summary>Welch's two-sided t-test for equal means without assuming equal variances.</summary>
public static class WelchTest
{
    /// <summary>
    /// t = (mean_b - mean_a) / sqrt(v_a/n_a + v_b/n_b), df = (v_a/n_a + v_b/n_b)^2 / ((v_a/n_a)^2/(n_a-1) + (v_b/n_b)^2/(n_b-1)),
    /// p = P(|T_df| &gt;= |t|). Needs two values per sample and not both variances zero (t would be 0/0 or infinite).
    /// </summary>
    public static TestOutcome Compute(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Descriptive.RequireAtLeast(a, 2);
        Descriptive.RequireAtLeast(b, 2);
        var (sa, sb) = (Descriptive.SampleVariance(a) / a.Count, Descriptive.SampleVariance(b) / b.Count);
        if (sa + sb == 0)
        {
            throw new ArgumentException("Both samples have zero variance: Welch's t is undefined; use a permutation test.");
        }

        var t = (Descriptive.Mean(b) - Descriptive.Mean(a)) / Math.Sqrt(sa + sb);
        var df = (sa + sb) * (sa + sb) / ((sa * sa / (a.Count - 1)) + (sb * sb / (b.Count - 1)));
        return new TestOutcome(TestMethod.Welch, t, df, StudentT.TwoSidedTail(t, df));
    }
}
