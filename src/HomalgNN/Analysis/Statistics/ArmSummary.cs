namespace HomalgNN.Analysis.Statistics;

/// <summary>One arm's values of one metric: count, mean, sample std and confidence interval (null when n = 1).</summary>
public sealed record ArmSummary(string Arm, int N, double Mean, double? Std, double? Lower, double? Upper);
