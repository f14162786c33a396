namespace HomalgNN.Analysis.Optimisation;

/// <summary>Stopping rules and memory of <see cref="Lbfgs"/>; the tolerances follow scipy's L-BFGS-B as sklearn calls it.</summary>
/// <param name="Memory">Correction pairs kept.</param>
/// <param name="MaxIterations">Iteration cap; reaching it is reported as not converged.</param>
/// <param name="GradientTolerance">Converged when the largest gradient component is at most this.</param>
/// <param name="RelativeReductionTolerance">Converged when an iteration lowers f by at most this fraction of max(|f|, 1).</param>
internal sealed record LbfgsOptions(
    int Memory = 10,
    int MaxIterations = 1000,
    double GradientTolerance = 1e-4,
    double RelativeReductionTolerance = 64 * 2.220446049250313e-16);
