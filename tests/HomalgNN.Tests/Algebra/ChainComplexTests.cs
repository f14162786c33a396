using HomalgNN.Algebra;
using TorchSharp;

namespace HomalgNN.Tests.Algebra;

public class ChainComplexTests
{
    static double[,] RandomFullRank(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        var a = new double[rows, cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) a[r, c] = rng.NextDouble() * 2 - 1;
        return a;
    }

    public static ChainComplex StudyFullRank() =>
        ChainComplex.FromMaps([RandomFullRank(16, 32, 1), RandomFullRank(32, 64, 2), RandomFullRank(64, 128, 3), RandomFullRank(128, 256, 4)]);

    [Fact]
    public void FullRankStudyChain_HasForcedBettiNumbersAndDefects()
    {
        var c = StudyFullRank();
        Assert.Equal(new[] { 16, 32, 64, 128 }, c.Ranks);
        Assert.Equal(new[] { 16, 32, 64, 128 }, c.Nullities);
        Assert.Equal(new[] { 0, 0, 0, 128 }, c.BettiNumbers());
        Assert.Equal(new[] { 0, 0, 0, 0, 128 }, c.HomologyDimensions());
        var defects = c.ExactnessDefects(DefectMethod.SubspaceDistance);
        Assert.Equal(3, defects.Length);
        Assert.InRange(defects[0], 16 - 1e-9, 16 + 1e-9);
        Assert.InRange(defects[1], 32 - 1e-9, 32 + 1e-9);
        Assert.InRange(defects[2], 64 - 1e-9, 64 + 1e-9);
        Assert.Equal(new[] { 16.0, 32.0, 64.0 }, c.ExactnessDefects(DefectMethod.DimensionGap));
        // ||P_ker - P_im||_F with ker inside im: sqrt(dim im - dim ker).
        var pn = c.ExactnessDefects(DefectMethod.ProjectionNorm);
        Assert.InRange(pn[0], Math.Sqrt(16) - 1e-9, Math.Sqrt(16) + 1e-9);
        Assert.Equal(176, c.EulerCharacteristic);
    }

    [Fact]
    public void ShortExactSequence_HasZeroHomologyEverywhere()
    {
        // 0 -> R^2 -d_1-> R^3 -d_0-> R^1 -> 0 with d_0 d_1 = 0, d_1 injective, d_0 surjective.
        var d0 = new double[,] { { 1, 1, 1 } };
        var d1 = new double[,] { { 1, 0 }, { -1, 1 }, { 0, -1 } };
        var c = ChainComplex.FromMaps([d0, d1]);
        Assert.Equal(new[] { 0, 0 }, c.BettiNumbers());
        Assert.Equal(new[] { 0, 0, 0 }, c.HomologyDimensions());
        Assert.True(c.IsExact);
        Assert.True(c.SatisfiesChainAxiom());
        Assert.Equal(0.0, c.ExactnessDefects()[0], 12);
        Assert.Equal(0, c.EulerCharacteristic); // 1 - 3 + 2
    }

    [Fact]
    public void ZeroMaps_HaveBettiNumbersEqualToNullities()
    {
        var c = ChainComplex.Zero([3, 5, 2, 4]);
        Assert.Equal(new[] { 0, 0, 0 }, c.Ranks);
        Assert.Equal(c.Nullities, c.BettiNumbers());
        Assert.Equal(new[] { 5, 2, 4 }, c.BettiNumbers());
        Assert.Equal(new[] { 3, 5, 2, 4 }, c.HomologyDimensions());
        Assert.Equal(new[] { 3, 2, 2 }, Enumerable.Range(0, 3).Select(i => c.Spectrum(i).SmallSingularValueCount).ToArray());
    }

    [Fact]
    public void NullityAndSmallSingularValueCount_AreDifferentQuantities()
    {
        var c = ChainComplex.FromMaps([RandomFullRank(16, 32, 5)]);
        Assert.Equal(16, c.Spectrum(0).Nullity);
        Assert.Equal(0, c.Spectrum(0).SmallSingularValueCount);
    }

    [Fact]
    public void HomologyGenerators_AreOrthonormalAndInTheKernel()
    {
        // d_0 = [1 0 0], d_1 = 0 (3x1): H at C_1 is ker d_0 = span(e2, e3).
        var c = ChainComplex.FromMaps([new double[,] { { 1, 0, 0 } }, new double[3, 1]]);
        var g = c.HomologyGenerators(1);
        Assert.Equal(3, g.GetLength(0));
        Assert.Equal(2, g.GetLength(1));
        for (int j = 0; j < 2; j++) Assert.Equal(0.0, g[0, j], 12);
        var gram = HomalgNN.Algebra.Matrix.Multiply(Transpose(g), g);
        Assert.Equal(1.0, gram[0, 0], 12);
        Assert.Equal(0.0, gram[0, 1], 12);
    }

    static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    [Fact]
    public void NonFiniteEntries_AreRefused()
    {
        var bad = new double[,] { { 1, double.NaN } };
        var e = Assert.Throws<ArgumentException>(() => ChainComplex.FromMaps([bad]));
        Assert.Contains("d_0", e.Message);
        Assert.Contains("NaN", e.Message);
        var inf = new double[,] { { 1 }, { double.PositiveInfinity } };
        Assert.Throws<ArgumentException>(() => ChainComplex.FromMaps([new double[1, 2], inf]));
    }

    [Fact]
    public void MismatchedShapes_AreRefusedNamingTheMaps()
    {
        var e = Assert.Throws<ArgumentException>(() => ChainComplex.FromMaps([new double[2, 3], new double[4, 1]]));
        Assert.Contains("d_1 must have 3 rows", e.Message);
    }

    [Fact]
    public void Inputs_AreCopied()
    {
        var d0 = new double[,] { { 1, 0 } };
        var c = ChainComplex.FromMaps([d0]);
        d0[0, 0] = 0;
        Assert.Equal(1, c.Ranks[0]);
    }

    [Fact]
    public void RelativeTolerance_ScalesWithTheLargestSingularValue()
    {
        var d = new double[,] { { 1000, 0 }, { 0, 0.5 } };
        Assert.Equal(2, ChainComplex.FromMaps([d], Tolerance.Absolute(1e-3)).Ranks[0]);
        Assert.Equal(1, ChainComplex.FromMaps([d], Tolerance.Relative(1e-3)).Ranks[0]);
    }

    [Fact]
    public void FromTensors_MatchesFromMaps()
    {
        var maps = new[] { RandomFullRank(3, 5, 7), RandomFullRank(5, 6, 8) };
        var viaTensors = ChainComplex.FromTensors(maps.Select(m => torch.tensor(m)).ToArray());
        Assert.Equal(ChainComplex.FromMaps(maps).BettiNumbers(), viaTensors.BettiNumbers());
    }
}
