namespace HomalgNN.Benchmarks;

/// <summary>The rounds one side of the bench ran: the seconds of each step, and each round's wall time.</summary>
internal sealed class RoundLog
{
    readonly List<(double[] Steps, double WallSeconds)> _rounds = [];

    /// <summary>Records a round.</summary>
    public void Add(IReadOnlyList<double> stepSeconds, double wallSeconds) => _rounds.Add((stepSeconds.ToArray(), wallSeconds));

    /// <summary>Seconds per optimiser step: the median over every round's chunks of their mean step.</summary>
    public double SecondsPerStep => RunMeasurement.Median(_rounds.SelectMany(r => Chunks(r.Steps)).ToArray());

    /// <summary>
    /// Seconds per epoch, one per round: the round's wall time when it was a whole epoch; else the median over chunks of
    /// <see cref="BenchRunner.StepChunk"/> consecutive steps of their mean step (robust to bursts of other processes' work), times
    /// <paramref name="batchesPerEpoch"/>, plus what an epoch adds once (test evaluation and one monitor call).
    /// </summary>
    public double[] EpochSeconds(bool extrapolate, int batchesPerEpoch, double oncePerEpoch) =>
        _rounds.Select(r => extrapolate ? MedianChunk(r.Steps) * batchesPerEpoch + oncePerEpoch : r.WallSeconds).ToArray();

    static double MedianChunk(double[] steps) => RunMeasurement.Median(Chunks(steps).ToArray());

    static IEnumerable<double> Chunks(double[] steps) => steps.Chunk(BenchRunner.StepChunk).Select(c => c.Average());
}
