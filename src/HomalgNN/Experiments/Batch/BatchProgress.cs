using System.Diagnostics;

namespace HomalgNN.Experiments.Batch;

/// <summary>Where a multi-run experiment stands: runs done / total, the current run, and an ETA from the epochs trained so far.</summary>
/// <remarks>The ETA assumes every remaining epoch costs what the epochs of this session cost on average; runs of other sizes make it a rough guide.</remarks>
public sealed class BatchProgress
{
    readonly Func<TimeSpan> _elapsed;
    long _epochsDone;

    /// <summary>Starts the clock for a shard of <paramref name="total"/> runs of which <paramref name="pending"/> are still to train.</summary>
    /// <param name="elapsed">Time since the start (tests pass a fake clock); null for a real stopwatch.</param>
    public BatchProgress(int total, IReadOnlyList<PlannedRun> pending, Func<TimeSpan>? elapsed = null)
    {
        Total = total;
        Pending = pending.Count;
        EpochsTotal = pending.Sum(r => (long)r.Options.Epochs);
        if (elapsed is null)
        {
            var clock = Stopwatch.StartNew();
            elapsed = () => clock.Elapsed;
        }
        _elapsed = elapsed;
    }

    /// <summary>Runs in this shard.</summary>
    public int Total { get; }

    /// <summary>Runs that were not finished when this session began.</summary>
    public int Pending { get; }

    /// <summary>Runs found finished and skipped.</summary>
    public int Skipped => Total - Pending;

    /// <summary>Runs trained by this session so far.</summary>
    public int Trained { get; private set; }

    /// <summary>Runs finished, skipped or trained.</summary>
    public int Done => Skipped + Trained;

    /// <summary>The run being trained, or null between runs.</summary>
    public PlannedRun? Current { get; private set; }

    /// <summary>1-based number of the current run among the pending ones.</summary>
    public int CurrentNumber => Trained + 1;

    /// <summary>Epochs of all pending runs.</summary>
    public long EpochsTotal { get; private set; }

    /// <summary>Epochs trained by this session.</summary>
    public long EpochsDone => _epochsDone;

    /// <summary>Time since the session began.</summary>
    public TimeSpan Elapsed => _elapsed();

    /// <summary>Estimated time to finish the pending runs; null before the first epoch ends.</summary>
    public TimeSpan? Eta => _epochsDone == 0 ? null : _elapsed() / _epochsDone * (EpochsTotal - _epochsDone);

    /// <summary>A run begins.</summary>
    public void RunStarted(PlannedRun run) => Current = run;

    /// <summary>An epoch of the current run ended.</summary>
    public void EpochFinished() => _epochsDone++;

    /// <summary>The current run resumed from a checkpoint: its first <paramref name="epochs"/> epochs are not to train.</summary>
    public void EpochsRestored(int epochs) => EpochsTotal -= epochs;

    /// <summary>The current run ended.</summary>
    public void RunFinished()
    {
        Trained++;
        Current = null;
    }
}
