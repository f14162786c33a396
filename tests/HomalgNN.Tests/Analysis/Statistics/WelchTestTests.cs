using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Tests.Analysis.Statistics;

public class WelchTestTests
{
    [Fact]
    public void Compute_WikipediaExample_MatchesPublishedAndIntegratedValues()
    {
        // Wikipedia "Welch's t-test", example 1, reports t = 2.46, df = 25.0, p = 0.021. Recomputed by hand formulas
        // in 30-digit arithmetic with p from the integrated t density (mpmath): t = 2.4553563982860045,
        // df = 24.988529290231414, p = 0.021378001462867060.
        double[] a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

        var outcome = WelchTest.Compute(a1, a2);

        Assert.Equal(TestMethod.Welch, outcome.Method);
        Assert.Equal(2.4553563982860045, outcome.Statistic, 1e-12);
        Assert.Equal(24.988529290231414, outcome.DegreesOfFreedom!.Value, 1e-10);
        Assert.Equal(0.021378001462867060, outcome.PValue, 1e-12);
    }

    [Fact]
    public void Compute_UnequalSizesAndVariances_MatchesIntegratedValues()
    {
        // a: mean 3, var 2.5; b: mean 7, var 14. t = 4 / sqrt(0.5 + 14/6) = 2.3763541031440183,
        // df = 6.9722557297949337, p = 0.049284338206730521 (mpmath, as above).
        var outcome = WelchTest.Compute([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]);

        Assert.Equal(2.3763541031440183, outcome.Statistic, 1e-12);
        Assert.Equal(6.9722557297949337, outcome.DegreesOfFreedom!.Value, 1e-10);
        Assert.Equal(0.049284338206730521, outcome.PValue, 1e-12);
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
