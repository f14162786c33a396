namespace HomalgNN.Analysis.Metrics;

/// <summary>Settings of <see cref="MultinomialLogisticRegression"/>; the defaults are sklearn's (C = 1, lbfgs, tol 1e-4).</summary>
/// <param name="C">Inverse regularisation strength: the fit minimises 0.5 ||W||_F^2 + C sum_i NLL_i.</param>
/// <param name="MaxIterations">L-BFGS iteration cap (the study passed max_iter = 1000).</param>
/// <param name="GradientTolerance">Stop when every gradient component of the objective divided by C n is at most this.</param>
public sealed record LogisticRegressionOptions(
    double C = 1.0,
    int MaxIterations = 1000,
    double GradientTolerance = 1e-4);
