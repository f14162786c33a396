using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>A finished run as read back from its folder: its results and, for a diagnostics run, the computed explanation.</summary>
/// <param name="Run">The planned run.</param>
/// <param name="Result">results.json.</param>
/// <param name="Folder">The run's folder relative to the experiment folder (for links in reports).</param>
/// <param name="DiagnosticsSummary">The sentences of diagnostics.json, or null for a plain run.</param>
public sealed record RunOutcome(PlannedRun Run, RunResult Result, string Folder, IReadOnlyList<string>? DiagnosticsSummary);
