using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class RedundancyTests
{
    [Fact]
    public void Compute_InvertibleLinearImage_AllCanonicalCorrelationsOne()
    {
        var x = Synthetic.GaussianMatrix(100, 5, 1);
        var a = Synthetic.GaussianMatrix(5, 5, 2);

        var result = Redundancy.Compute(Representation.FromMatrix(x), Representation.FromMatrix(Synthetic.Multiply(x, a)));

        Assert.Equal(5, result.CanonicalCorrelations.Length);
        Assert.All(result.CanonicalCorrelations, c => Assert.Equal(1, c, 1e-10));
        Assert.Equal(1, result.MeanCanonicalCorrelation, 1e-10);
        Assert.Equal(1, result.MeanPrincipalAngleCosine, 1e-10);
    }

    [Fact]
    public void Compute_SingleColumns_CorrelationIsAbsolutePearson()
    {
        // Centred x = (-1.5,-0.5,0.5,1.5), y = (-1.5,0.5,-0.5,1.5): x.y = 4, |x|^2 = |y|^2 = 5, r = 0.8, CKA = r^2.
        var x = new double[,] { { 1 }, { 2 }, { 3 }, { 4 } };
        var y = new double[,] { { 1 }, { 3 }, { 2 }, { 4 } };

        var result = Redundancy.Compute(Representation.FromMatrix(x), Representation.FromMatrix(y));

        Assert.Equal(0.8, result.MeanCanonicalCorrelation, 1e-12);
        Assert.Equal(0.64, result.LinearCka, 1e-12);
    }

    [Fact]
    public void Compute_OrthogonalColumnSpaces_Zero()
    {
        var x = new double[,] { { 1 }, { 1 }, { -1 }, { -1 } };
        var y = new double[,] { { 1 }, { -1 }, { 1 }, { -1 } };

        var result = Redundancy.Compute(Representation.FromMatrix(x), Representation.FromMatrix(y));

        Assert.Equal(0, result.MeanCanonicalCorrelation, 1e-12);
        Assert.Equal(0, result.LinearCka, 1e-12);
    }

    [Fact]
    public void Compute_RankDeficientSide_CountsLostDirectionsOnlyInThePrincipalAngleMean()
    {
        // Y repeats two of X's four columns: rank 2, both correlations 1. Mean CCA over min(rank) = 1; the
        // principal-angle mean over the nominal dimension min(4, 4, N - 1) = 4 counts the two lost directions as 0.
        var x = Synthetic.GaussianMatrix(50, 4, 3);
        var y = Synthetic.Columns(x, 0, 1, 0, 1);

        var result = Redundancy.Compute(Representation.FromMatrix(x), Representation.FromMatrix(y));

        Assert.Equal(4, result.RankA);
        Assert.Equal(2, result.RankB);
        Assert.Equal(2, result.CanonicalCorrelations.Length);
        Assert.Equal(1, result.MeanCanonicalCorrelation, 1e-10);
        Assert.Equal(0.5, result.MeanPrincipalAngleCosine, 1e-10);
    }

    [Fact]
    public void Compute_DifferentSampleCounts_Throws()
    {
        var a = Representation.FromMatrix(Synthetic.GaussianMatrix(10, 2, 1));
        var b = Representation.FromMatrix(Synthetic.GaussianMatrix(11, 2, 1));

        Assert.Throws<ArgumentException>(() => Redundancy.Compute(a, b));
    }
}
