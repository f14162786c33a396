namespace HomalgNN.Algebra.Feasibility;

/// <summary>
/// The least Betti vector reachable in the study's convention (b_i = dim ker d_i - dim(ker d_i ∩ im d_{i+1}), chain
/// axiom not required) and ranks that reach it.
/// </summary>
/// <param name="BettiNumbers">The componentwise minimum b_0..b_{k-1}; every reachable vector is at least this in each entry.</param>
/// <param name="Ranks">rank d_i reaching it (full rank, min(n_i, n_{i+1})), with im d_{i+1} placed inside ker d_i as far as it fits.</param>
public sealed record StudyConventionMinimum(IReadOnlyList<int> BettiNumbers, IReadOnlyList<int> Ranks)
{
    /// <summary>sum_i b_i, also minimal.</summary>
    public long Sum => BettiNumbers.Sum(b => (long)b);

    /// <summary>
    /// With ranks r_i, ker d_i has dimension n_{i+1} - r_i and im d_{i+1} (dimension r_{i+1}, r_k = 0) can cover at most
    /// min(n_{i+1} - r_i, r_{i+1}) of it; kernel and image of different maps are chosen independently, so that much is
    /// reachable at every i at once and b_i &gt;= max(0, n_{i+1} - r_i - r_{i+1}) is sharp. It falls as ranks grow, so
    /// full rank minimises every entry simultaneously.
    /// </summary>
    internal static StudyConventionMinimum For(int[] dims)
    {
        int k = dims.Length - 1;
        int[] ranks = Enumerable.Range(0, k).Select(i => Math.Min(dims[i], dims[i + 1])).ToArray();
        int[] betti = Enumerable.Range(0, k)
            .Select(i => Math.Max(0, dims[i + 1] - ranks[i] - (i + 1 < k ? ranks[i + 1] : 0)))
            .ToArray();
        return new StudyConventionMinimum(betti, ranks);
    }
}
