using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class RepresentationRankTests
{
    [Fact]
    public void Compute_RankThreeMatrixInTenDimensions_EffectiveRankThree()
    {
        var m = Synthetic.Multiply(Synthetic.GaussianMatrix(50, 3, 1), Synthetic.GaussianMatrix(3, 10, 2));

        var result = RepresentationRank.Compute(Representation.FromMatrix(m));

        Assert.Equal(10, result.SingularValues.Length);
        Assert.Equal(3, result.EffectiveRank);
        Assert.Equal(0.3, result.RankRatio);
        Assert.True(result.SingularValues[3] < 1e-10, $"fourth singular value {result.SingularValues[3]}");
    }

    [Fact]
    public void Compute_OrthogonalCentredColumns_MatchesHandValues()
    {
        // Columns 3 (1,1,-1,-1) and (1,-1,1,-1) are centred and orthogonal with norms 6 and 2: s = (6, 2).
        // Participation (6 + 2)^2 / (36 + 4) = 1.6; p = (3/4, 1/4): entropy (3/4) ln(4/3) + (1/4) ln 4 nats
        // = 0.5623351446188083 = 0.8112781244591328 bits.
        var m = new double[,] { { 3, 1 }, { 3, -1 }, { -3, 1 }, { -3, -1 } };

        var result = RepresentationRank.Compute(Representation.FromMatrix(m));

        Assert.Equal(6, result.SingularValues[0], 1e-12);
        Assert.Equal(2, result.SingularValues[1], 1e-12);
        Assert.Equal(2, result.EffectiveRank);
        Assert.Equal(1.0, result.RankRatio);
        Assert.Equal(1.6, result.ParticipationRatio, 1e-12);
        Assert.Equal(0.5623351446188083, result.SpectralEntropy, 1e-12);
        Assert.Equal(0.8112781244591328, result.SpectralEntropyBits, 1e-12);
    }

    [Fact]
    public void Compute_ShiftedColumns_CentringRemovesTheMean()
    {
        // Adding a constant to every row changes no centred singular value.
        var m = new double[,] { { 103, 1 }, { 103, -1 }, { 97, 1 }, { 97, -1 } };

        var result = RepresentationRank.Compute(Representation.FromMatrix(m));

        Assert.Equal(6, result.SingularValues[0], 1e-10);
        Assert.Equal(2, result.SingularValues[1], 1e-10);
    }

    [Fact]
    public void Compute_ConstantMatrix_AllSummariesZero()
    {
        var result = RepresentationRank.Compute(Representation.FromMatrix(new double[,] { { 1, 2 }, { 1, 2 }, { 1, 2 } }));

        Assert.Equal(0, result.EffectiveRank);
        Assert.Equal(0, result.RankRatio);
        Assert.Equal(0, result.ParticipationRatio);
        Assert.Equal(0, result.SpectralEntropy);
    }

    [Fact]
    public void FromSingularValues_ValueAtTolerance_IsNotCounted()
    {
        var result = RepresentationRank.FromSingularValues([5e-4, 1, 1e-3]);

        Assert.Equal([1, 1e-3, 5e-4], result.SingularValues);
        Assert.Equal(1, result.EffectiveRank);
        Assert.Equal(1.0 / 3, result.RankRatio);
    }

    [Fact]
    public void FromSingularValues_StudyRatios_AreOneSingularValueApart()
    {
        var s = Enumerable.Repeat(1.0, 16).Concat(Enumerable.Repeat(1e-6, 112)).ToArray();

        Assert.Equal(0.125, RepresentationRank.FromSingularValues(s).RankRatio);
        s[15] = 1e-6;
        Assert.Equal(15.0 / 128, RepresentationRank.FromSingularValues(s).RankRatio);
    }
}
