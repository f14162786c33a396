namespace HomalgNN.Analysis.Optimisation;

/// <summary>Objective for <see cref="Lbfgs"/>: returns f(point) and writes its gradient into <paramref name="gradient"/>.</summary>
internal delegate double SmoothObjective(double[] point, double[] gradient);
