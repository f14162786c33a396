namespace HomalgNN.Analysis.Metrics;

/// <summary>How much two representations of the same samples share: canonical correlations and linear CKA.</summary>
/// <param name="CanonicalCorrelations">
/// Cosines of the principal angles between the column spaces of the centred matrices, descending, min(rank A, rank B) of them.
/// </param>
/// <param name="RankA">Numerical rank of the centred first representation.</param>
/// <param name="RankB">Numerical rank of the centred second representation.</param>
/// <param name="MeanCanonicalCorrelation">Mean of <paramref name="CanonicalCorrelations"/>; NaN if either side is constant.</param>
/// <param name="MeanPrincipalAngleCosine">
/// Sum of the cosines divided by the nominal dimension min(D_A, D_B, N - 1): directions lost to rank deficiency count
/// as orthogonal (cosine 0), as they effectively do in the study's ridge-regularised CCA. Equal to
/// <paramref name="MeanCanonicalCorrelation"/> when both sides have full rank.
/// </param>
/// <param name="LinearCka">Linear CKA, see <see cref="Metrics.LinearCka"/>.</param>
public sealed record RedundancyResult(
    double[] CanonicalCorrelations,
    int RankA,
    int RankB,
    double MeanCanonicalCorrelation,
    double MeanPrincipalAngleCosine,
    double LinearCka);
