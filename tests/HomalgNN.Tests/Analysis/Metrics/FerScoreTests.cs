using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class FerScoreTests
{
    [Fact]
    public void Compute_HandValues()
    {
        Assert.Equal(0.1 * 0.5 * 0.75, FerScore.Compute(0.9, 0.5, 0.25), 1e-15);
    }

    [Fact]
    public void Compute_EntanglementAboveOne_IsCapped()
    {
        Assert.Equal(0.1 * 0.75, FerScore.Compute(0.9, 1.7, 0.25), 1e-15);
    }

    [Theory]
    [InlineData(1.1, 0.5, 0.5)]
    [InlineData(0.5, -0.1, 0.5)]
    [InlineData(0.5, 0.5, double.NaN)]
    public void Compute_OutOfRange_Throws(double accuracy, double entanglement, double rankRatio)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FerScore.Compute(accuracy, entanglement, rankRatio));
    }
}
