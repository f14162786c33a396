namespace HomalgNN.Analysis.Metrics;

/// <summary>Settings of <see cref="LinearProbe"/>; the defaults are the study's (5 folds, seed 42, sklearn's C = 1).</summary>
/// <param name="Folds">Number of stratified folds.</param>
/// <param name="Seed">Seed of the fold shuffling.</param>
/// <param name="Regression">Settings of the per-fold logistic regression; null means the defaults.</param>
public sealed record LinearProbeOptions(int Folds = 5, int Seed = 42, LogisticRegressionOptions? Regression = null);
