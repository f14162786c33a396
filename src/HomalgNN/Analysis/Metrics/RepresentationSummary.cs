namespace HomalgNN.Analysis.Metrics;

/// <summary>The study's per-layer metrics together: entanglement, rank, linear probe and the FER score built from them.</summary>
/// <param name="Entanglement">Pairwise normalised mutual information between units.</param>
/// <param name="Rank">Spectrum of the centred representation.</param>
/// <param name="Probe">Cross-validated linear probe.</param>
/// <param name="Fer">(1 - probe accuracy) * min(entanglement, 1) * (1 - rank ratio).</param>
public sealed record RepresentationSummary(EntanglementResult Entanglement, RankResult Rank, ProbeResult Probe, double Fer)
{
    /// <summary>Computes every metric of one layer's representation with the given (or the study's default) settings.</summary>
    public static RepresentationSummary Compute(
        Representation representation,
        IReadOnlyList<int> labels,
        EntanglementOptions? entanglement = null,
        LinearProbeOptions? probe = null,
        double rankTolerance = RepresentationRank.DefaultTolerance)
    {
        var e = Metrics.Entanglement.Compute(representation, entanglement);
        var r = RepresentationRank.Compute(representation, rankTolerance);
        var p = LinearProbe.Evaluate(representation, labels, probe);
        return new RepresentationSummary(e, r, p, FerScore.Compute(p, e, r));
    }
}
