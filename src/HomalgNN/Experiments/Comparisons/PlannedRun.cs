using HomalgNN.Training;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>One (arm, seed) of a comparison: where its run lives and whether it must be trained.</summary>
/// <param name="Options">The settings of a trained or reused run; null for a loaded one.</param>
public sealed record PlannedRun(string Arm, int Seed, string Folder, RunAction Action, TrainingOptions? Options);
