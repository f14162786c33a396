namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// The study's aggregate "FER" score, (1 - probe accuracy) * min(entanglement, 1) * (1 - rank ratio):
/// high when a layer is hard to probe linearly, entangled and low-rank.
/// </summary>
public static class FerScore
{
    /// <summary>The score from its three ingredients, each in [0, 1] (entanglement may exceed 1 and is capped).</summary>
    public static double Compute(double probeAccuracy, double entanglement, double rankRatio)
    {
        RequireUnitInterval(probeAccuracy, nameof(probeAccuracy));
        RequireUnitInterval(rankRatio, nameof(rankRatio));
        if (double.IsNaN(entanglement) || entanglement < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(entanglement), $"Entanglement must be non-negative, got {entanglement}.");
        }

        return (1 - probeAccuracy) * Math.Min(entanglement, 1) * (1 - rankRatio);
    }

    /// <summary>The score from the results of the three metrics on the same layer.</summary>
    public static double Compute(ProbeResult probe, EntanglementResult entanglement, RankResult rank)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(entanglement);
        ArgumentNullException.ThrowIfNull(rank);
        return Compute(probe.MeanAccuracy, entanglement.Mean, rank.RankRatio);
    }

    private static void RequireUnitInterval(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must lie in [0, 1], got {value}.");
        }
    }
}
