using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Tests.Analysis.Statistics;

public class WelchTestTests
{
    // Case 1: Wikipedia "Welch's t-test", example 1, reports t = 2.46, df = 25.0, p = 0.021.
    // Case 2: a has mean 3, variance 2.5; b mean 7, variance 14; t = 4 / sqrt(0.5 + 14/6).
    // Full digits recomputed from the textbook formulas in 30-digit arithmetic, with p from the numerically
    // integrated t density (mpmath quad), independently of the incomplete beta used here.
    public static TheoryData<double[], double[], double, double, double> KnownCases => new()
    {
        {
            [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
            [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
            2.4553563982860045, 24.988529290231414, 0.021378001462867060
        },
        { [1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12], 2.3763541031440183, 6.9722557297949337, 0.049284338206730521 },
    };

    [Theory]
    [MemberData(nameof(KnownCases))]
    public void Compute_KnownCases_MatchIndependentValues(double[] a, double[] b, double t, double df, double p)
    {
        var outcome = WelchTest.Compute(a, b);

        Assert.Equal(TestMethod.Welch, outcome.Method);
        Assert.Equal(t, outcome.Statistic, 1e-12);
        Assert.Equal(df, outcome.DegreesOfFreedom!.Value, 1e-10);
        Assert.Equal(p, outcome.PValue, 1e-12);
    }

    [Fact]
    public void Compute_SwappedSamples_SameP_OppositeT()
    {
        var forward = WelchTest.Compute([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]);
        var backward = WelchTest.Compute([2, 4, 6, 8, 10, 12], [1, 2, 3, 4, 5]);

        Assert.Equal(-forward.Statistic, backward.Statistic, 1e-14);
        Assert.Equal(forward.PValue, backward.PValue, 1e-14);
    }

    [Fact]
    public void Compute_BothConstant_Throws()
    {
        Assert.Throws<ArgumentException>(() => WelchTest.Compute([0.117, 0.117], [0.125, 0.125]));
    }
}
