using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>Receives progress from a multi-run experiment (the CLI prints runs done / total, the current run, an ETA and each epoch).</summary>
public interface IBatchObserver
{
    /// <summary>The shard's runs are known and the finished ones counted.</summary>
    void BatchStarted(BatchProgress progress) { }

    /// <summary>A run was found finished in its folder and will not be trained again.</summary>
    void RunSkipped(PlannedRun run) { }

    /// <summary>A run begins; the returned observer sees its epochs.</summary>
    ITrainingObserver RunStarted(PlannedRun run, BatchProgress progress) => SilentObserver.Instance;

    /// <summary>A run finished and its folder is complete.</summary>
    void RunFinished(PlannedRun run, RunResult result, BatchProgress progress) { }

    /// <summary>Every run of the shard is finished.</summary>
    void BatchFinished(BatchProgress progress) { }
}

/// <summary>A batch observer that ignores everything.</summary>
public sealed class SilentBatchObserver : IBatchObserver
{
    /// <summary>The shared instance.</summary>
    public static SilentBatchObserver Instance { get; } = new();
}
