namespace HomalgNN.Analysis.Optimisation;

/// <summary>Where <see cref="Lbfgs"/> stopped and why.</summary>
internal sealed record LbfgsResult(double[] Point, double Value, int Iterations, bool Converged, string StopReason);
