namespace HomalgNN.Benchmarks;

/// <summary>The rounds one side of the bench ran: step time, steps and wall time of each.</summary>
internal sealed class RoundLog
{
    readonly List<(double StepSeconds, int Steps, double WallSeconds)> _rounds = [];

    /// <summary>Records a round.</summary>
    public void Add(double stepSeconds, int steps, double wallSeconds) => _rounds.Add((stepSeconds, steps, wallSeconds));

    /// <summary>Mean seconds per optimiser step over every round.</summary>
    public double SecondsPerStep => _rounds.Sum(r => r.StepSeconds) / Math.Max(1, _rounds.Sum(r => r.Steps));

    /// <summary>
    /// Seconds per epoch, one per round: the round's wall time when it was a whole epoch, else its time per step times
    /// <paramref name="batchesPerEpoch"/> plus what an epoch adds once (test evaluation and one monitor call).
    /// </summary>
    public double[] EpochSeconds(bool extrapolate, int batchesPerEpoch, double oncePerEpoch) =>
        _rounds.Select(r => extrapolate ? r.StepSeconds / r.Steps * batchesPerEpoch + oncePerEpoch : r.WallSeconds).ToArray();
}
