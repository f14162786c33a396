namespace HomalgNN.Analysis.Metrics;

/// <summary>Normalised mutual information between every pair of units, and its off-diagonal mean.</summary>
/// <param name="Nmi">D x D matrix of I(X;Y) / H(X,Y), as rows (jagged, so it serialises to JSON); symmetric; diagonal 1 (0 for a constant unit).</param>
/// <param name="Mean">Mean of the off-diagonal entries: the entanglement.</param>
/// <param name="SampleRows">Rows the estimate used (all of them, or the subsample).</param>
/// <param name="Seed">Seed of the subsample (recorded even when no subsampling was needed).</param>
/// <param name="Options">The settings used.</param>
public sealed record EntanglementResult(
    double[][] Nmi,
    double Mean,
    int SampleRows,
    int Seed,
    EntanglementOptions Options);
