namespace HomalgNN.Analysis.Statistics;

/// <summary>One metric across all arms: each arm's summary, and each later arm against the first.</summary>
public sealed record ComparisonRow(string Metric, IReadOnlyList<ArmSummary> Arms, IReadOnlyList<ArmContrast> Contrasts);
