using HomalgNN.Algebra.Exact;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra.Exact;

public class IntegerChainComplexTests
{
    [Fact]
    public void Constructor_WrongShape_NamesDegree()
    {
        var e = Assert.Throws<ArgumentException>(() => new IntegerChainComplex([2, 3, 4], [new long[2, 3], new long[4, 3]]));
        Assert.Contains("d_1 is 4x3 but must be n_1 x n_2 = 3x4", e.Message);
    }

    [Fact]
    public void Constructor_WrongNumberOfMaps_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new IntegerChainComplex([2, 3, 4], [new long[2, 3]]));
        Assert.Contains("need 2 maps", e.Message);
    }

    [Fact]
    public void FromDifferentials_ShapesDoNotCompose_NamesBoth()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            IntegerChainComplex.FromDifferentials([new IntegerMatrix(new long[3, 5]), new IntegerMatrix(new long[4, 2])]));
        Assert.Contains("d_0 has 5 columns but d_1 has 4 rows", e.Message);
    }

    [Fact]
    public void Constructor_RequireChainAxiom_RejectsNonComplexNamingDegree()
    {
        long[,] d0 = { { 1, 0 } }, d1 = { { 1 }, { 1 } };
        var e = Assert.Throws<ArgumentException>(() => new IntegerChainComplex([1, 2, 1], [d0, d1], requireChainAxiom: true));
        Assert.Contains("d_0 d_1 != 0", e.Message);
        var lax = new IntegerChainComplex([1, 2, 1], [d0, d1]);
        Assert.False(lax.SatisfiesChainAxiom(CoefficientField.Q));
        Assert.Throws<InvalidOperationException>(() => lax.Homology(CoefficientField.Q));
    }

    [Fact]
    public void ChainAxiom_HoldsModTwoOnly_DependsOnField()
    {
        long[,] d0 = { { 1, 1 } }, d1 = { { 1 }, { 1 } }; // d0 d1 = 2
        var complex = new IntegerChainComplex([1, 2, 1], [d0, d1]);
        Assert.False(complex.SatisfiesChainAxiom(CoefficientField.Q));
        Assert.True(complex.SatisfiesChainAxiom(CoefficientField.GF(2)));
        Assert.Equal([0, 0, 0], complex.Homology(CoefficientField.GF(2)).BettiNumbers); // 1 -> 2 -> 1, both maps onto/into
        Assert.False(complex.SatisfiesChainAxiom(CoefficientField.GF(3)));
    }

    [Fact]
    public void Constructor_IntArrays_SameAsLong()
    {
        var fromInt = new IntegerChainComplex([1, 2, 1], [new int[,] { { 1, -1 } }, new int[,] { { 1 }, { 1 } }], requireChainAxiom: true);
        Assert.Equal([0, 0, 0], fromInt.Homology(CoefficientField.Q).BettiNumbers);
        Assert.Equal(-1, fromInt.Differential(0)[0, 1]);
    }

    [Fact]
    public void Inputs_AreCopied()
    {
        long[,] d0 = { { 1, 0 } };
        var complex = new IntegerChainComplex([1, 2], [d0]);
        d0[0, 0] = 0;
        Assert.Equal(1, complex.Differential(0)[0, 0]);
    }

    [Fact]
    public void StudyBettiNumbers_HandWorkedNonComplex()
    {
        // ker d_0 = span(e_2), im d_1 = span(e_1 + e_2): they meet in 0, so b_0 = 1; d_1 is injective, b_1 = 0.
        var skew = new IntegerChainComplex([1, 2, 1], [new long[,] { { 1, 0 } }, new long[,] { { 1 }, { 1 } }]);
        Assert.Equal([1, 0], skew.StudyBettiNumbers(CoefficientField.Q));
        // im d_1 = span(e_2) = ker d_0: exact at C_1.
        var exact = new IntegerChainComplex([1, 2, 1], [new long[,] { { 1, 0 } }, new long[,] { { 0 }, { 1 } }]);
        Assert.Equal([0, 0], exact.StudyBettiNumbers(CoefficientField.Q));
    }

    [Fact]
    public void StudyBettiNumbers_RandomMaps_MatchSubspaceIntersection()
    {
        // Independent route: dim(ker d_i ∩ im d_{i+1}) = dim ker + rank d_{i+1} - dim(ker + im), with explicit bases.
        var random = new Random(99);
        for (int trial = 0; trial < 25; trial++)
        {
            int[] dims = Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.Next(1, 6)).ToArray();
            long[][,] maps = Enumerable.Range(0, dims.Length - 1)
                .Select(i => RandomMatrices.LowRank(random, dims[i], dims[i + 1], random.Next(1, 4), 2)).ToArray();
            var complex = new IntegerChainComplex(dims, maps);
            int[] expected = new int[maps.Length];
            for (int i = 0; i < maps.Length; i++)
            {
                Rational[,] kernel = ReferenceElimination.KernelBasis(maps[i]);
                int nullity = kernel.GetLength(1);
                if (i + 1 == maps.Length) { expected[i] = nullity; continue; }
                int rankNext = ReferenceElimination.RankOverQ(maps[i + 1]);
                int sum = ReferenceElimination.RankOverQ(SideBySide(kernel, maps[i + 1]));
                expected[i] = nullity - (nullity + rankNext - sum);
            }
            Assert.Equal(expected, complex.StudyBettiNumbers(CoefficientField.Q));
        }
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("GF2")]
    [InlineData("GF5")]
    public void Homology_RandomStructuredComplexes_ConsistentWithRanksAndEuler(string fieldName)
    {
        CoefficientField field = CoefficientField.Parse(fieldName);
        var random = new Random(31337);
        for (int trial = 0; trial < 15; trial++)
        {
            (int[] dims, long[][,] maps) = RandomChainComplex(random);
            var complex = new IntegerChainComplex(dims, maps, requireChainAxiom: true);
            HomologyResult h = complex.Homology(field);
            int k = maps.Length;
            int[] referenceRanks = maps.Select(m => ReferenceElimination.Rank(m, field)).ToArray();
            Assert.Equal(referenceRanks, h.Ranks);
            for (int j = 0; j <= k; j++)
            {
                int expected = dims[j] - (j > 0 ? referenceRanks[j - 1] : 0) - (j < k ? referenceRanks[j] : 0);
                Assert.Equal(expected, h.BettiNumbers[j]);
                Assert.True(h.BettiNumbers[j] >= 0);
            }
            Assert.Equal(h.EulerCharacteristic, h.BettiNumbers.Select((b, j) => j % 2 == 0 ? (long)b : -b).Sum());
            Assert.Equal(h.BettiNumbers.Skip(1), h.StudyBettiNumbers);
            Assert.Equal(h.StudyBettiNumbers, complex.StudyBettiNumbers(field));
        }
    }

    /// <summary>
    /// d_i = U_i E_i U_{i+1}^{-1}, where E_i is a random low-rank block from the first a_{i+1} coordinates of C_{i+1}
    /// to the last n_i - a_i coordinates of C_i; E_i E_{i+1} = 0 because E_{i+1} lands where E_i does not look.
    /// </summary>
    private static (int[] Dims, long[][,] Maps) RandomChainComplex(Random random)
    {
        int k = random.Next(1, 5);
        int[] dims = Enumerable.Range(0, k + 1).Select(_ => random.Next(1, 8)).ToArray();
        int[] split = dims.Select(n => random.Next(0, n + 1)).ToArray();
        var bases = dims.Select(n => RandomMatrices.Unimodular(random, n, 2 * n)).ToArray();
        var maps = new long[k][,];
        for (int i = 0; i < k; i++)
        {
            int rows = dims[i] - split[i], columns = split[i + 1];
            long[,] block = rows == 0 || columns == 0 ? new long[rows, columns]
                : RandomMatrices.LowRank(random, rows, columns, random.Next(1, Math.Min(rows, columns) + 1), 2);
            var e = new long[dims[i], dims[i + 1]];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++) e[split[i] + r, c] = block[r, c];
            maps[i] = RandomMatrices.Multiply(RandomMatrices.Multiply(bases[i].U, e), bases[i + 1].Inverse);
        }
        return (dims, maps);
    }

    private static Rational[,] SideBySide(Rational[,] left, long[,] right)
    {
        int m = left.GetLength(0), a = left.GetLength(1), b = right.GetLength(1);
        var result = new Rational[m, a + b];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < a; j++) result[i, j] = left[i, j];
            for (int j = 0; j < b; j++) result[i, a + j] = right[i, j];
        }
        return result;
    }
}
