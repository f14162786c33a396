using System.Diagnostics;
using HomalgNN.Algebra.Exact;
using HomalgNN.Algebra.Simplicial;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra.Exact;

public class ExactRankTests
{
    public static TheoryData<string> Fields => new() { "Q", "GF2", "GF3", "GF65521", "GF2147483647" };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Of_RandomLowRankMatrices_MatchesReferenceElimination(string fieldName)
    {
        CoefficientField field = CoefficientField.Parse(fieldName);
        var random = new Random(20240611);
        for (int trial = 0; trial < 60; trial++)
        {
            int m = random.Next(1, 9), n = random.Next(1, 9), inner = random.Next(0, 7);
            long[,] a = inner == 0 ? RandomMatrices.Uniform(random, m, n, 3) : RandomMatrices.LowRank(random, m, n, inner, 3);
            Assert.Equal(ReferenceElimination.Rank(a, field), ExactRank.Of(a, field));
        }
    }

    [Fact]
    public void Of_LargeEntriesRankDeficient_MatchesReference()
    {
        // Entries near 10^6 make kernel vectors with large denominators: the kernel certificate cannot lift them
        // and the multi-modular bound has to decide.
        var random = new Random(7);
        for (int trial = 0; trial < 10; trial++)
        {
            long[,] a = RandomMatrices.LowRank(random, 6, 7, 3, 1000);
            Assert.Equal(ReferenceElimination.RankOverQ(a), ExactRank.Of(a, CoefficientField.Q));
        }
    }

    [Fact]
    public void Of_EntriesDivisibleByFirstModulus_StillExactOverQ()
    {
        long p = LargestPrimeBelow(1 << 26); // the first modulus the Q rank tries
        long[,] a = { { p, 0 }, { 0, 1 } };  // rank 1 mod p, rank 2 over Q
        Assert.Equal(2, ExactRank.Of(a, CoefficientField.Q));
        Assert.Equal(1, ExactRank.Of(a, CoefficientField.GF((int)p)));
    }

    [Fact]
    public void Of_RankDropsModFirstModulus_RandomProducts_MatchReference()
    {
        // L · diag(1, .., 1, p, .., p) · R has rank r over Q but usually less mod p: the first modulus alone would
        // under-count, and a kernel vector mod p does not lift to one over Q.
        long p = LargestPrimeBelow(1 << 26);
        var random = new Random(5);
        for (int trial = 0; trial < 12; trial++)
        {
            int m = random.Next(2, 7), n = random.Next(2, 7), r = random.Next(1, Math.Min(m, n) + 1);
            long[,] diagonal = new long[r, r];
            for (int t = 0; t < r; t++) diagonal[t, t] = t < r / 2 ? 1 : p;
            long[,] a = RandomMatrices.Multiply(RandomMatrices.Multiply(RandomMatrices.Uniform(random, m, r, 2), diagonal), RandomMatrices.Uniform(random, r, n, 2));
            Assert.Equal(ReferenceElimination.RankOverQ(a), ExactRank.Of(a, CoefficientField.Q));
        }
    }

    [Fact]
    public void Of_DeficientWithHugeKernelFraction_UsesBoundAndStaysExact()
    {
        // Kernel (-99991/30021, 1): too large to reconstruct from one prime, so the Hadamard bound path runs.
        long[,] a = { { 30021, 99991 }, { 2 * 30021, 2 * 99991 } };
        Assert.Equal(1, ExactRank.Of(a, CoefficientField.Q));
        long[,] b = { { 30021, 99991 }, { 2 * 30021, 2 * 99991 + 1 } };
        Assert.Equal(2, ExactRank.Of(b, CoefficientField.Q));
    }

    [Fact]
    public void Of_EmptyAndZero_AreZero()
    {
        Assert.Equal(0, ExactRank.Of(new long[0, 5], CoefficientField.Q));
        Assert.Equal(0, ExactRank.Of(new long[3, 0], CoefficientField.GF(2)));
        Assert.Equal(0, ExactRank.Of(new long[4, 4], CoefficientField.Q));
    }

    [Fact]
    public void Of_ExtremeEntries_NoOverflow()
    {
        long[,] a = { { long.MaxValue, long.MinValue }, { long.MinValue, long.MaxValue } };
        Assert.Equal(ReferenceElimination.RankOverQ(a), ExactRank.Of(a, CoefficientField.Q));
        Assert.Equal(ReferenceElimination.RankModP(a, 2147483647), ExactRank.Of(a, CoefficientField.GF(2147483647)));
    }

    [Fact]
    public void Of_TwoFactorsOfTwo_FieldMatters()
    {
        long[,] a = { { 2, 0 }, { 0, 2 } };
        Assert.Equal(2, ExactRank.Of(a, CoefficientField.Q));
        Assert.Equal(0, ExactRank.Of(a, CoefficientField.GF(2)));
        Assert.Equal(2, ExactRank.Of(a, CoefficientField.GF(3)));
    }

    [Fact]
    public void Of_BoundaryOfTenSimplex_FastAndRanksAreBinomial()
    {
        SimplicialComplex sphere = SimplicialComplex.FromFacets(Triangulations.SimplexBoundary(10));
        var clock = Stopwatch.StartNew();
        int[] ranks = sphere.ToChainComplex().Ranks(CoefficientField.Q);
        clock.Stop();
        // rank of ∂_q on the full 10-simplex is C(10, q); removing the top cell leaves q = 1..9 unchanged.
        Assert.Equal(Enumerable.Range(1, 9).Select(q => Binomial(10, q)).ToArray(), ranks);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"ranks took {clock.Elapsed.TotalSeconds:F2} s");
    }

    private static int Binomial(int n, int k) => k == 0 ? 1 : Binomial(n - 1, k - 1) * n / k;

    private static long LargestPrimeBelow(long bound)
    {
        long c = bound - 1;
        while (!PrimeField.IsPrime(c)) c--;
        return c;
    }
}
