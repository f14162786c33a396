namespace HomalgNN.Analysis.Metrics;

/// <summary>Spectrum summaries of a centred representation matrix.</summary>
/// <param name="SingularValues">Singular values, descending; min(N, D) of them.</param>
/// <param name="Tolerance">Threshold of the effective rank.</param>
/// <param name="EffectiveRank">Count of singular values strictly above the tolerance.</param>
/// <param name="RankRatio">Effective rank / number of singular values.</param>
/// <param name="ParticipationRatio">(sum s)^2 / sum s^2, on singular values (not their squares), as the study; 0 for a zero matrix.</param>
/// <param name="SpectralEntropy">-sum p ln p for p = s / sum s, in nats; 0 for a zero matrix.</param>
public sealed record RankResult(
    double[] SingularValues,
    double Tolerance,
    int EffectiveRank,
    double RankRatio,
    double ParticipationRatio,
    double SpectralEntropy)
{
    /// <summary>The spectral entropy in bits, the unit the Python study reported.</summary>
    public double SpectralEntropyBits => SpectralEntropy / Math.Log(2);
}
