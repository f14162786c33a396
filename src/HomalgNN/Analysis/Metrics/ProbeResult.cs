namespace HomalgNN.Analysis.Metrics;

/// <summary>Cross-validated linear-probe accuracy of a representation and the size of the probe's weights.</summary>
/// <param name="MeanAccuracy">Mean held-out accuracy over the folds.</param>
/// <param name="StdAccuracy">Population (ddof 0) standard deviation of the fold accuracies, as numpy's std in the study.</param>
/// <param name="ProbeComplexity">Mean over folds of the Frobenius norm of the K x D weight matrix.</param>
/// <param name="FoldAccuracies">Held-out accuracy of each fold.</param>
/// <param name="FoldWeightNorms">Weight norm of each fold's probe.</param>
/// <param name="FoldIterations">L-BFGS iterations of each fold's fit.</param>
/// <param name="Converged">Whether every fold's fit met a convergence criterion before the iteration cap.</param>
/// <param name="ClassCount">Number of distinct labels.</param>
/// <param name="Options">The settings used.</param>
public sealed record ProbeResult(
    double MeanAccuracy,
    double StdAccuracy,
    double ProbeComplexity,
    double[] FoldAccuracies,
    double[] FoldWeightNorms,
    int[] FoldIterations,
    bool Converged,
    int ClassCount,
    LinearProbeOptions Options);
