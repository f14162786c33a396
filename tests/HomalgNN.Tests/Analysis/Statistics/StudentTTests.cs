using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Tests.Analysis.Statistics;

public class StudentTTests
{
    // Reference quantiles from tables, refined to 17 digits by root-finding on a numerically integrated t density
    // (mpmath quad + findroot, 30 digits): an independent route from the incomplete beta used here.
    [Theory]
    [InlineData(0.975, 4, 2.7764451051977944)]
    [InlineData(0.975, 29, 2.0452296421327043)]
    [InlineData(0.975, 2.5, 3.5746548420036832)]
    [InlineData(0.995, 10, 3.1692726726169512)]
    [InlineData(0.1, 7, -1.4149239276505085)]
    public void Quantile_MatchesReferenceValues(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, df), 1e-12);
    }

    [Fact]
    public void Quantile_OneDegreeOfFreedom_IsTheCauchyQuantile()
    {
        // df = 1 is the Cauchy distribution: t_p = tan(pi (p - 1/2)); t_0.975 = 12.706204736174694.
        Assert.Equal(Math.Tan(Math.PI * 0.475), StudentT.Quantile(0.975, 1), 1e-10);
        Assert.Equal(12.706204736174693, StudentT.Quantile(0.975, 1), 1e-10);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.4)]
    [InlineData(25.0)]
    public void Cdf_ClosedFormsForOneAndTwoDegrees(double t)
    {
        // df 1: 1/2 + atan(t) / pi; df 2: 1/2 + t / (2 sqrt(2 + t^2)).
        Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 1e-13);
        Assert.Equal(0.5 + (t / (2 * Math.Sqrt(2 + (t * t)))), StudentT.Cdf(t, 2), 1e-13);
    }

    [Fact]
    public void Cdf_ThreeDegrees_MatchesIntegratedDensity()
    {
        // mpmath: 1 - integral of the df-3 density from 1.5 to infinity = 0.884708067377588.
        Assert.Equal(0.884708067377588, StudentT.Cdf(1.5, 3), 1e-13);
    }

    [Fact]
    public void TwoSidedTail_LargeT_StaysAccurateFarInTheTail()
    {
        // df 1: P(|T| > t) = 1 - 2 atan(t) / pi = 2 atan(1 / t) / pi, which 1 - Cdf would lose to cancellation.
        Assert.Equal(2 * Math.Atan(1e-8) / Math.PI, StudentT.TwoSidedTail(1e8, 1), 1e-22);
    }

    [Fact]
    public void TwoSidedTail_HugeDegreesOfFreedomSmallT_MatchesIntegratedDensity()
    {
        // mpmath, 30 digits: 1 - 2 * integral of the df = 1e6 density over [0, 0.001] = 0.999202115771649090.
        // About 1e-13 is lost here to ln Gamma(5e5) - ln Gamma(5e5 + 1/2), a difference of two numbers near 6e6;
        // Welch's degrees of freedom never come near this size.
        Assert.Equal(0.999202115771649090, StudentT.TwoSidedTail(0.001, 1e6), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Quantile_OutsideOpenInterval_Throws(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, 3));
    }
}
