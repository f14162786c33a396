namespace HomalgNN.Training;

/// <summary>Receives progress from a training run (the CLI draws progress bars; tests may record).</summary>
public interface ITrainingObserver
{
    /// <summary>The run continues from a checkpoint taken after <paramref name="epochsDone"/> of <paramref name="epochs"/> epochs.</summary>
    void Resumed(int epochsDone, int epochs) { }

    /// <summary>An epoch of <paramref name="batches"/> optimiser steps begins.</summary>
    void EpochStarted(int epoch, int batches) { }

    /// <summary>One optimiser step finished.</summary>
    void BatchFinished(int epoch, int batch, double taskLoss) { }

    /// <summary>An epoch finished and was evaluated.</summary>
    void EpochFinished(EpochRecord record) { }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentObserver : ITrainingObserver
{
    /// <summary>The shared instance.</summary>
    public static SilentObserver Instance { get; } = new();
}
