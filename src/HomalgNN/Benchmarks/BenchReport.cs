using HomalgNN.Nn;

namespace HomalgNN.Benchmarks;

/// <summary>Median seconds of each part of a training step, each timed on its own (forward+backward where it has one).</summary>
public sealed record StepParts(double Task, double Exactness, double ChainAxiom, double Optimizer);

/// <summary>One side's measurements: the reference, or ours at one precision.</summary>
/// <param name="EpochSeconds">Seconds per epoch, one per round: measured, or in quick mode extrapolated from the round's steps.</param>
/// <param name="StepSeconds">Seconds per optimiser step as training runs it: the median over chunks of consecutive steps of their mean.</param>
/// <param name="EvaluateSeconds">One pass over the test set.</param>
/// <param name="BettiSeconds">Median seconds of one Betti-number call.</param>
/// <param name="DefectsSeconds">Median seconds of one exactness-defects call.</param>
/// <param name="Betti">Betti numbers at the end of the bench's training.</param>
/// <param name="Defects">Exactness defects (subspace distance) at the end of the bench's training.</param>
/// <param name="TestAccuracy">Test accuracy after the last round.</param>
public sealed record RunMeasurement(
    string Name,
    Precision Precision,
    bool IsReference,
    double[] EpochSeconds,
    double StepSeconds,
    double EvaluateSeconds,
    double BettiSeconds,
    double DefectsSeconds,
    StepParts Parts,
    int[] Betti,
    double[] Defects,
    double TestAccuracy,
    EpochFlops Flops)
{
    /// <summary>The median epoch.</summary>
    public double Epoch => Median(EpochSeconds);

    /// <summary>Betti numbers plus defects, per call.</summary>
    public double MonitorSeconds => BettiSeconds + DefectsSeconds;

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>Everything `homalg bench` measured, ready to print.</summary>
/// <param name="Reference">"python (torch version)" of the reference, or null when it did not run.</param>
/// <param name="ReferenceMissing">Why the reference did not run, or null.</param>
/// <param name="Float64FlopsPerSecond">This machine's float64 matmul speed through libtorch.</param>
/// <param name="Float32FlopsPerSecond">The same in float32.</param>
/// <param name="OurPeakRss">Peak resident bytes of this process (VmHWM), or null.</param>
/// <param name="ReferencePeakRss">Peak resident bytes of the reference's process (getrusage), or null.</param>
/// <param name="BusyBefore">The fraction of the cores busy (others' work) during the second before the bench started, or null.</param>
/// <param name="LoadAfter">The one-minute load average when it ended (including the bench's own threads), or null.</param>
public sealed record BenchReport(
    BenchOptions Options,
    string Dataset,
    int TrainImages,
    int TestImages,
    int BatchesPerEpoch,
    int Threads,
    string? Reference,
    string? ReferenceMissing,
    IReadOnlyList<RunMeasurement> Runs,
    double Float64FlopsPerSecond,
    double Float32FlopsPerSecond,
    long? OurPeakRss,
    long? ReferencePeakRss,
    double? BusyBefore,
    double? LoadAfter)
{
    /// <summary>Whether other processes kept more than a quarter of the cores busy when the bench started.</summary>
    public bool MachineWasBusy => BusyBefore > 0.25;

    /// <summary>The reference's measurements, or null.</summary>
    public RunMeasurement? ReferenceRun => Runs.FirstOrDefault(r => r.IsReference);

    /// <summary>Our measurements at <paramref name="precision"/>, or null.</summary>
    public RunMeasurement? Ours(Precision precision) => Runs.FirstOrDefault(r => !r.IsReference && r.Precision == precision);

    /// <summary>Reference epoch / our float64 epoch, or null without the reference.</summary>
    public double? Speedup => ReferenceRun is { } r && Ours(Precision.Float64) is { } o ? r.Epoch / o.Epoch : null;

    /// <summary>The physical floor of a run's epoch: its matmul FLOPs at this machine's measured speed.</summary>
    public double FloorSeconds(RunMeasurement run) => run.Flops.Seconds(Float64FlopsPerSecond, Float32FlopsPerSecond);

    /// <summary>Whether a run's Betti numbers equal float64's and its defects agree to 1e-6 (relative).</summary>
    public bool HomologyMatchesFloat64(RunMeasurement run) =>
        Ours(Precision.Float64) is { } f64
        && run.Betti.SequenceEqual(f64.Betti)
        && run.Defects.Length == f64.Defects.Length
        && run.Defects.Zip(f64.Defects).All(p => Math.Abs(p.First - p.Second) <= 1e-6 * Math.Max(1, Math.Abs(p.Second)));
}
