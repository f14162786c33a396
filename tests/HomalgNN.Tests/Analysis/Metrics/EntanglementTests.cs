using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class EntanglementTests
{
    [Fact]
    public void Compute_IdenticalUnits_NmiIsExactlyOne()
    {
        var random = new Random(3);
        var m = new double[200, 2];
        for (var i = 0; i < 200; i++)
        {
            m[i, 0] = m[i, 1] = random.NextDouble();
        }

        var result = Entanglement.Compute(Representation.FromMatrix(m));

        Assert.Equal(1.0, result.Nmi[0][1]);
        Assert.Equal(1.0, result.Nmi[0][0]);
        Assert.Equal(1.0, result.Mean);
    }

    [Fact]
    public void Compute_IndependentUnitsOnFullGrid_NmiIsZero()
    {
        // Every pair (a, b) of 0..19 once: each value fills its own bin, so the joint histogram is exactly the
        // product of the (uniform) marginals and I(X;Y) = log2 400 - 2 log2 20 = 0.
        var m = new double[400, 2];
        for (var k = 0; k < 400; k++)
        {
            (m[k, 0], m[k, 1]) = (k / 20, k % 20);
        }

        var result = Entanglement.Compute(Representation.FromMatrix(m));

        Assert.InRange(result.Nmi[0][1], 0, 1e-12);
        Assert.Equal(result.Nmi[0][1], result.Nmi[1][0]);
    }

    [Fact]
    public void Compute_FourSampleCase_MatchesHandValue()
    {
        // Codes X = (0,1,1,1), Y = (0,0,1,1): H(X) = 2 - (3/4) log2 3, H(Y) = 1, H(X,Y) = 1.5 bits,
        // so I = 1.5 - (3/4) log2 3 and NMI = I / 1.5 = 1 - (1/2) log2 3 = 0.20751874963942191.
        var m = new double[,] { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 1, 1 } };

        var result = Entanglement.Compute(Representation.FromMatrix(m));

        Assert.Equal(1 - (0.5 * Math.Log2(3)), result.Nmi[0][1], 1e-14);
        Assert.Equal(0.20751874963942191, result.Mean, 1e-14);
    }

    [Fact]
    public void Compute_ConstantUnits_GiveZeroNotNaN()
    {
        var m = new double[,] { { 5, 5, 0 }, { 5, 5, 1 }, { 5, 5, 2 }, { 5, 5, 3 } };

        var result = Entanglement.Compute(Representation.FromMatrix(m));

        Assert.Equal(0, result.Nmi[0][1]); // constant with constant: 0/0 defined as 0
        Assert.Equal(0, result.Nmi[0][2]); // constant with anything: I = 0
        Assert.Equal(0, result.Nmi[0][0]); // a constant unit carries no information, even about itself
        Assert.Equal(1, result.Nmi[2][2]);
        Assert.Equal(0, result.Mean);
    }

    [Fact]
    public void Compute_StudyDigitize_PutsOnlyTheMaximumInTheLastBin()
    {
        // Two bins. Equal width: X -> (0,1,1,1); the study's digitize rule: X -> (0,0,1,1), identical to Y's codes.
        var m = new double[,] { { 0, 0 }, { 0.6, 0 }, { 1, 1 }, { 1, 1 } };
        var representation = Representation.FromMatrix(m);

        var equalWidth = Entanglement.Compute(representation, new EntanglementOptions(Bins: 2));
        var study = Entanglement.Compute(representation, new EntanglementOptions(Bins: 2, Rule: BinningRule.StudyDigitize));

        Assert.Equal(1 - (0.5 * Math.Log2(3)), equalWidth.Nmi[0][1], 1e-14);
        Assert.Equal(1.0, study.Nmi[0][1], 1e-14);
    }

    [Fact]
    public void Compute_MoreRowsThanSampleSize_SubsamplesReproducibly()
    {
        var representation = Representation.FromMatrix(Synthetic.GaussianMatrix(3000, 4, 9));

        var first = Entanglement.Compute(representation);
        var again = Entanglement.Compute(representation);
        var otherSeed = Entanglement.Compute(representation, new EntanglementOptions(Seed: 7));

        Assert.Equal(1000, first.SampleRows);
        Assert.Equal(42, first.Seed);
        Assert.Equal(first.Mean, again.Mean);
        Assert.NotEqual(first.Mean, otherSeed.Mean);
    }

    [Fact]
    public void Compute_OneUnit_Throws()
    {
        var representation = Representation.FromMatrix(new double[,] { { 1 }, { 2 } });

        Assert.Throws<ArgumentException>(() => Entanglement.Compute(representation));
    }
}
