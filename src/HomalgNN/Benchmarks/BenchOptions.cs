using HomalgNN.Nn;

namespace HomalgNN.Benchmarks;

/// <summary>What `homalg bench` measures: the study's training configuration, how long to run it, and where the reference lives.</summary>
/// <param name="Quick">Time <paramref name="QuickSteps"/> steps per round and extrapolate to an epoch, instead of whole epochs.</param>
/// <param name="QuickSteps">Optimiser steps per round in quick mode.</param>
/// <param name="Rounds">Rounds of ours-then-reference (A B A B ...), so that drifting machine load hits both sides alike.</param>
/// <param name="ProfileBatches">Batches timed for the per-step breakdown (after one warm-up).</param>
/// <param name="MonitorCalls">Calls of Betti numbers + defects timed (the median is reported).</param>
/// <param name="EvaluateCalls">Test-set evaluations timed (the median is reported).</param>
/// <param name="MatmulSize">n of the n x n products that measure the machine's matmul speed.</param>
/// <param name="Threads">Intra-op threads for both sides (0 = libtorch's default, which the reference is then given too).</param>
/// <param name="ScheduleEpochs">Epochs the annealing schedule spans (the study's 15).</param>
/// <param name="Precisions">Our precisions to measure; float64 is always first and is the one compared with the reference.</param>
/// <param name="OursOnly">Skip the reference.</param>
/// <param name="Python">The Python interpreter to use, or null to look for one with torch.</param>
/// <param name="ReferenceScript">The reference script, or null for bench/reference/homalg_reference.py.</param>
public sealed record BenchOptions(
    bool Quick = false,
    int QuickSteps = 150,
    int Rounds = 3,
    int ProfileBatches = 20,
    int MonitorCalls = 10,
    int EvaluateCalls = 3,
    int MatmulSize = 1024,
    int Threads = 0,
    int Seed = 0,
    double Lambda = 0.5,
    int BatchSize = 128,
    double LearningRate = 1e-3,
    int ScheduleEpochs = 15,
    Precision[]? Precisions = null,
    bool OursOnly = false,
    string? Python = null,
    string? ReferenceScript = null)
{
    /// <summary>The precisions in force, float64 first.</summary>
    public Precision[] PrecisionsOrDefault =>
        [Precision.Float64, .. (Precisions ?? [Precision.Float32, Precision.Mixed]).Where(p => p != Precision.Float64).Distinct()];

    /// <summary>Rejects values that cannot run, naming the flag.</summary>
    public void Validate()
    {
        if (QuickSteps < 1) throw new ArgumentException($"--steps must be at least 1, got {QuickSteps}");
        if (Rounds < 1) throw new ArgumentException($"--rounds must be at least 1, got {Rounds}");
        if (ProfileBatches < 1) throw new ArgumentException($"--profile-batches must be at least 1, got {ProfileBatches}");
        if (MonitorCalls < 1) throw new ArgumentException($"--monitor-calls must be at least 1, got {MonitorCalls}");
        if (EvaluateCalls < 1) throw new ArgumentException($"EvaluateCalls must be at least 1, got {EvaluateCalls}");
        if (MatmulSize < 1) throw new ArgumentException($"MatmulSize must be at least 1, got {MatmulSize}");
        if (Threads < 0) throw new ArgumentException($"--threads must be >= 0, got {Threads}");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1, got {BatchSize}");
    }
}
