namespace HomalgNN.Algebra.Exact;

/// <summary>
/// Exact homology of a chain complex C_0 &lt;- C_1 &lt;- ... &lt;- C_k over a field: Betti numbers at every C_j and,
/// for comparison with the study, its k-vector of Betti numbers at C_1..C_k (one per map d_i).
/// </summary>
/// <param name="Field">The coefficient field.</param>
/// <param name="Dimensions">n_0..n_k.</param>
/// <param name="Ranks">rank d_i for i = 0..k-1.</param>
/// <param name="BettiNumbers">b_j = dim H(C_j) = n_j - rank d_{j-1} - rank d_j for j = 0..k (rank d_{-1} = rank d_k = 0).</param>
/// <param name="StudyBettiNumbers">The study's vector: dim ker d_i - rank d_{i+1} for i = 0..k-1 (d_k = 0), i.e. b_1..b_k.</param>
/// <param name="EulerCharacteristic">sum_j (-1)^j n_j, which equals sum_j (-1)^j b_j.</param>
public sealed record HomologyResult(
    CoefficientField Field,
    IReadOnlyList<int> Dimensions,
    IReadOnlyList<int> Ranks,
    IReadOnlyList<int> BettiNumbers,
    IReadOnlyList<int> StudyBettiNumbers,
    long EulerCharacteristic)
{
    /// <summary>sum_j b_j, the total dimension of homology.</summary>
    public long TotalHomology => BettiNumbers.Sum(b => (long)b);
}
