namespace HomalgNN.Algebra.Feasibility;

/// <summary>
/// The least total homology of a genuine chain complex (d_i d_{i+1} = 0) with the given dimensions, ranks reaching it
/// and the resulting Betti numbers at every C_j.
/// </summary>
/// <param name="TotalHomology">min sum_j b_j over C_0..C_k.</param>
/// <param name="Ranks">rank d_i, i = 0..k-1, reaching it (among optima, the one with the lexicographically least Betti vector).</param>
/// <param name="BettiNumbers">b_j = n_j - r_{j-1} - r_j, j = 0..k.</param>
/// <param name="EulerCharacteristic">chi = sum_j (-1)^j n_j = sum_j (-1)^j b_j, so TotalHomology &gt;= |chi|.</param>
public sealed record ChainComplexMinimum(long TotalHomology, IReadOnlyList<int> Ranks, IReadOnlyList<int> BettiNumbers, long EulerCharacteristic)
{
    /// <summary>Whether the Euler bound |chi| is attained.</summary>
    public bool AttainsEulerBound => TotalHomology == Math.Abs(EulerCharacteristic);

    /// <summary>
    /// Total homology is sum n_j - 2 sum r_i, so we maximise sum r_i subject to r_i &lt;= min(n_i, n_{i+1}) and
    /// r_i + r_{i+1} &lt;= n_{i+1} (im d_{i+1} ⊆ ker d_i); every such tuple is realised by some chain complex. The
    /// constraints form a path, so dynamic programming over r_i from the top map down is exact: best[i][r] is the most
    /// sum r_i + ... + r_{k-1} with r_i = r.
    /// </summary>
    internal static ChainComplexMinimum For(int[] dims)
    {
        int k = dims.Length - 1;
        int[] cap = Enumerable.Range(0, k).Select(i => Math.Min(dims[i], dims[i + 1])).ToArray();
        var best = new long[k][];
        best[k - 1] = Enumerable.Range(0, cap[k - 1] + 1).Select(r => (long)r).ToArray();
        for (int i = k - 2; i >= 0; i--)
        {
            long[] prefixMax = PrefixMax(best[i + 1]);
            best[i] = new long[cap[i] + 1];
            for (int r = 0; r <= cap[i]; r++)
                best[i][r] = r + prefixMax[Math.Min(dims[i + 1] - r, cap[i + 1])];
        }

        // Walk forward taking the largest rank that stays optimal: that makes b_0, then b_1, ... as small as possible.
        var ranks = new int[k];
        long target = best[0].Max();
        int limit = cap[0];
        for (int i = 0; i < k; i++)
        {
            int r = limit;
            while (best[i][r] != target) r--;
            ranks[i] = r;
            target -= r;
            if (i + 1 < k) limit = Math.Min(dims[i + 1] - r, cap[i + 1]);
        }

        var betti = new int[k + 1];
        for (int j = 0; j <= k; j++)
            betti[j] = dims[j] - (j > 0 ? ranks[j - 1] : 0) - (j < k ? ranks[j] : 0);
        long chi = dims.Select((n, j) => j % 2 == 0 ? (long)n : -(long)n).Sum();
        return new ChainComplexMinimum(betti.Sum(b => (long)b), ranks, betti, chi);
    }

    private static long[] PrefixMax(long[] values)
    {
        var result = new long[values.Length];
        long running = long.MinValue;
        for (int t = 0; t < values.Length; t++) result[t] = running = Math.Max(running, values[t]);
        return result;
    }
}
