using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Tests.Analysis.Statistics;

public class MeanEstimateTests
{
    [Fact]
    public void Of_FiveValues_StudentInterval()
    {
        // Mean 3, s = sqrt(2.5); half-width t_{0.975,4} s / sqrt 5 = 2.7764451051977944 * 0.7071067811865476 = 1.9632431614775577.
        var estimate = MeanEstimate.Of([1, 2, 3, 4, 5]);

        Assert.Equal(3, estimate.Mean);
        Assert.Equal(Math.Sqrt(2.5), estimate.Std!.Value, 1e-14);
        Assert.Equal(1.0367568385224423, estimate.Lower!.Value, 1e-12);
        Assert.Equal(4.9632431614775577, estimate.Upper!.Value, 1e-12);
    }

    [Fact]
    public void Of_OneValue_NoSpreadNoInterval()
    {
        var estimate = MeanEstimate.Of([0.157]);

        Assert.Equal(0.157, estimate.Mean);
        Assert.Null(estimate.Std);
        Assert.Null(estimate.Lower);
        Assert.Null(estimate.Upper);
    }

    [Fact]
    public void SampleStd_UsesNMinusOne()
    {
        Assert.Equal(Math.Sqrt(32.0 / 7), Descriptive.SampleStd([2, 4, 4, 4, 5, 5, 7, 9]), 1e-14);
    }

    [Fact]
    public void SampleStd_OneValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => Descriptive.SampleStd([1.0]));
    }
}
