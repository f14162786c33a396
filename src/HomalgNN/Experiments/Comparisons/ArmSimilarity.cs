using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>How alike two arms' representations are, over paired runs: mean canonical correlation and linear CKA.</summary>
/// <param name="Arm">The arm compared.</param>
/// <param name="Other">The arm it is compared with (itself for <see cref="NextSeed"/> pairs).</param>
/// <param name="Pairing"><see cref="SameSeed"/> or <see cref="NextSeed"/>.</param>
/// <param name="MeanCca">Per pair, the mean canonical correlation.</param>
/// <param name="Cka">Per pair, linear CKA.</param>
/// <param name="MeanCcaEstimate">Mean over pairs with its interval; null when no pair gave a finite value.</param>
/// <param name="CkaEstimate">Likewise for CKA.</param>
public sealed record ArmSimilarity(
    string Arm,
    string Other,
    string Pairing,
    IReadOnlyList<double> MeanCca,
    IReadOnlyList<double> Cka,
    MeanEstimate? MeanCcaEstimate,
    MeanEstimate? CkaEstimate)
{
    /// <summary>Runs of two arms with the same seed.</summary>
    public const string SameSeed = "same seed";

    /// <summary>Runs of one arm with consecutive seeds: how alike two runs of one recipe are, the yardstick for same-seed pairs.</summary>
    public const string NextSeed = "next seed";

    /// <summary>"exact vs baseline, same seed" or "exact, next seed".</summary>
    public string Label => Pairing == NextSeed ? $"{Arm}, {NextSeed}" : $"{Arm} vs {Other}, {Pairing}";
}
