using System.Diagnostics;
using HomalgNN.Algebra.Exact;
using HomalgNN.Algebra.Feasibility;

namespace HomalgNN.Tests.Algebra.Feasibility;

public class FeasibilityAnalysisTests
{
    private static readonly int[] StudyDims = [16, 32, 64, 128, 256];

    [Fact]
    public void For_StudyChain_StudyConventionMinimumIs_0_0_0_128()
    {
        FeasibilityAnalysis a = FeasibilityAnalysis.For(StudyDims);
        Assert.Equal([0, 0, 0, 128], a.Study.BettiNumbers);
        Assert.Equal([16, 32, 64, 128], a.Study.Ranks);
        Assert.Equal(128, a.Study.Sum);
        Assert.Contains("  b_3 >= n_4 - n_3 = 256 - 128 = 128 for any d_3: [0, 0, 0, 0] is unreachable", a.Explanation);
    }

    [Fact]
    public void For_StudyChain_ChainComplexMinimumIsEulerCharacteristic176()
    {
        ChainComplexMinimum c = FeasibilityAnalysis.For(StudyDims).ChainComplex;
        Assert.Equal(176, c.EulerCharacteristic);
        Assert.Equal(176, c.TotalHomology);
        Assert.True(c.AttainsEulerBound);
        Assert.Equal([0, 0, 0, 0, 176], c.BettiNumbers);
        Assert.Equal(160, c.Ranks.Sum());
    }

    [Fact]
    public void For_EulerBoundNotAttainable_SaysSo()
    {
        // [3,1,1,3]: chi = 0, yet r0 + r1 <= 1 and r1 + r2 <= 1 leave homology 4.
        FeasibilityAnalysis a = FeasibilityAnalysis.For([3, 1, 1, 3]);
        Assert.Equal(4, a.ChainComplex.TotalHomology);
        Assert.False(a.ChainComplex.AttainsEulerBound);
        Assert.Contains(a.Explanation, l => l.Contains("not attained"));
    }

    [Fact]
    public void For_ExactSequenceDims_ReachZero()
    {
        FeasibilityAnalysis a = FeasibilityAnalysis.For([2, 5, 3]); // 0 -> 3 -> 5 -> 2 -> 0 can be exact
        Assert.Equal(0, a.ChainComplex.TotalHomology);
        Assert.Equal([0, 0, 0], a.ChainComplex.BettiNumbers);
        Assert.Contains(a.Explanation, l => l.Contains("an exact sequence fits"));
    }

    [Theory]
    [InlineData(new[] { 5 })]
    [InlineData(new int[0])]
    [InlineData(new[] { 3, 0, 2 })]
    [InlineData(new[] { -1, 2 })]
    public void For_BadDims_Throw(int[] dims) => Assert.Throws<ArgumentException>(() => FeasibilityAnalysis.For(dims));

    public static TheoryData<int[]> DimsToRealise => new()
    {
        new[] { 16, 32, 64, 128, 256 },
        new[] { 16, 32, 64, 32, 16 },
        new[] { 7, 3, 9, 2 },
        new[] { 2, 8, 3 },
        new[] { 5, 5, 5, 5, 5 },
        new[] { 1, 4, 1, 4, 1 },
        new[] { 10, 4 },
    };

    [Theory]
    [MemberData(nameof(DimsToRealise))]
    public void StudyRanks_RealisedByMaps_ReachExactlyTheMinimum(int[] dims)
    {
        FeasibilityAnalysis a = FeasibilityAnalysis.For(dims);
        foreach (IntegerMatrix[] maps in new[]
                 {
                     RankRealization.AlignedMaps(dims, a.Study.Ranks),
                     RankRealization.ScrambledMaps(dims, a.Study.Ranks, new Random(dims.Sum())),
                 })
        {
            var complex = new IntegerChainComplex(dims, maps);
            Assert.Equal(a.Study.Ranks, complex.Ranks(CoefficientField.Q));
            Assert.Equal(a.Study.BettiNumbers, complex.StudyBettiNumbers(CoefficientField.Q));
        }
    }

    [Theory]
    [MemberData(nameof(DimsToRealise))]
    public void ChainRanks_RealisedByMaps_AreAChainComplexWithTheMinimalHomology(int[] dims)
    {
        ChainComplexMinimum c = FeasibilityAnalysis.For(dims).ChainComplex;
        foreach (IntegerMatrix[] maps in new[]
                 {
                     RankRealization.AlignedMaps(dims, c.Ranks),
                     RankRealization.ScrambledMaps(dims, c.Ranks, new Random(dims.Length)),
                 })
        {
            var complex = new IntegerChainComplex(dims, maps, requireChainAxiom: true);
            HomologyResult h = complex.Homology(CoefficientField.Q);
            Assert.Equal(c.Ranks, h.Ranks);
            Assert.Equal(c.BettiNumbers, h.BettiNumbers);
            Assert.Equal(c.TotalHomology, h.TotalHomology);
            Assert.Equal(c.EulerCharacteristic, h.EulerCharacteristic);
        }
    }

    [Fact]
    public void BruteForceOverRankTuples_SmallDims_ConfirmsBothMinima()
    {
        foreach (int[] dims in SmallDims(maxEntry: 4, maxLength: 5))
        {
            int k = dims.Length - 1;
            int[] caps = Enumerable.Range(0, k).Select(i => Math.Min(dims[i], dims[i + 1])).ToArray();
            var studyMin = Enumerable.Repeat(int.MaxValue, k).ToArray();
            long studyMinSum = long.MaxValue, chainMin = long.MaxValue;
            var optimalChainBetti = new List<int[]>();
            foreach (int[] r in Tuples(caps))
            {
                // Study convention: for ranks r, dim(ker d_i ∩ im d_{i+1}) = t can be anything from
                // max(0, (n - r_i) + r_{i+1} - n) to min(n - r_i, r_{i+1}) (two subspaces of C_{i+1}); try them all.
                var perPosition = new List<int>[k];
                for (int i = 0; i < k; i++)
                {
                    int n = dims[i + 1], kernel = n - r[i], image = i + 1 < k ? r[i + 1] : 0;
                    perPosition[i] = [];
                    for (int t = Math.Max(0, kernel + image - n); t <= Math.Min(kernel, image); t++) perPosition[i].Add(kernel - t);
                    studyMin[i] = Math.Min(studyMin[i], perPosition[i].Min());
                }
                studyMinSum = Math.Min(studyMinSum, perPosition.Sum(p => (long)p.Min()));

                bool chain = Enumerable.Range(0, k - 1).All(i => r[i] + r[i + 1] <= dims[i + 1]);
                if (!chain) continue;
                int[] betti = Enumerable.Range(0, k + 1).Select(j => dims[j] - (j > 0 ? r[j - 1] : 0) - (j < k ? r[j] : 0)).ToArray();
                long total = betti.Sum();
                if (total < chainMin) { chainMin = total; optimalChainBetti.Clear(); }
                if (total == chainMin) optimalChainBetti.Add(betti);
            }
            FeasibilityAnalysis a = FeasibilityAnalysis.For(dims);
            Assert.Equal(studyMin, a.Study.BettiNumbers);
            Assert.Equal(studyMinSum, a.Study.Sum);
            Assert.Equal(chainMin, a.ChainComplex.TotalHomology);
            Assert.True(a.ChainComplex.TotalHomology >= Math.Abs(a.ChainComplex.EulerCharacteristic));
            int[] least = optimalChainBetti.OrderBy(b => b, LexicographicComparer.Instance).First();
            Assert.Equal(least, a.ChainComplex.BettiNumbers);
        }
    }

    [Fact]
    public void BruteForceOverAllMatricesGF2_TinyDims_ConfirmsBothMinima()
    {
        // Ground truth without any dimension counting: every map over GF(2) for tiny dims; the counting argument
        // behind the minima holds over any field.
        var gf2 = CoefficientField.GF(2);
        foreach (int[] dims in new[] { new[] { 1, 2, 1 }, new[] { 2, 1, 2 }, new[] { 1, 2, 2 }, new[] { 2, 2, 1 }, new[] { 1, 1, 2, 1 }, new[] { 1, 3, 1 } })
        {
            int k = dims.Length - 1, bits = Enumerable.Range(0, k).Sum(i => dims[i] * dims[i + 1]);
            var studyMin = Enumerable.Repeat(int.MaxValue, k).ToArray();
            long chainMin = long.MaxValue;
            for (int code = 0; code < 1 << bits; code++)
            {
                var complex = new IntegerChainComplex(dims, Decode(dims, code));
                int[] study = complex.StudyBettiNumbers(gf2);
                for (int i = 0; i < k; i++) studyMin[i] = Math.Min(studyMin[i], study[i]);
                if (complex.SatisfiesChainAxiom(gf2)) chainMin = Math.Min(chainMin, complex.Homology(gf2).TotalHomology);
            }
            FeasibilityAnalysis a = FeasibilityAnalysis.For(dims);
            Assert.Equal(studyMin, a.Study.BettiNumbers);
            Assert.Equal(chainMin, a.ChainComplex.TotalHomology);
        }
    }

    [Fact]
    public void For_StudyChain_IsFast()
    {
        FeasibilityAnalysis.For(StudyDims); // warm up
        const int calls = 200;
        var clock = Stopwatch.StartNew();
        for (int t = 0; t < calls; t++) FeasibilityAnalysis.For(StudyDims);
        double perCall = clock.Elapsed.TotalMilliseconds / calls;
        Assert.True(perCall < 50, $"{perCall:F3} ms per call");
    }

    private static long[][,] Decode(int[] dims, int code)
    {
        var maps = new long[dims.Length - 1][,];
        int bit = 0;
        for (int i = 0; i < maps.Length; i++)
        {
            maps[i] = new long[dims[i], dims[i + 1]];
            for (int r = 0; r < dims[i]; r++)
                for (int c = 0; c < dims[i + 1]; c++) maps[i][r, c] = (code >> bit++) & 1;
        }
        return maps;
    }

    private static IEnumerable<int[]> SmallDims(int maxEntry, int maxLength)
    {
        for (int length = 2; length <= maxLength; length++)
            foreach (int[] t in Tuples(Enumerable.Repeat(maxEntry - 1, length).ToArray()))
                yield return t.Select(x => x + 1).ToArray();
    }

    /// <summary>Every tuple with 0 &lt;= t_i &lt;= caps_i.</summary>
    private static IEnumerable<int[]> Tuples(int[] caps)
    {
        var t = new int[caps.Length];
        while (true)
        {
            yield return (int[])t.Clone();
            int i = 0;
            while (i < caps.Length && t[i] == caps[i]) t[i++] = 0;
            if (i == caps.Length) yield break;
            t[i]++;
        }
    }

    private sealed class LexicographicComparer : IComparer<int[]>
    {
        public static LexicographicComparer Instance { get; } = new();
        public int Compare(int[]? x, int[]? y) => x!.AsSpan().SequenceCompareTo(y);
    }
}
