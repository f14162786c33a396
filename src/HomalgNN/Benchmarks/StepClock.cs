using System.Diagnostics;
using HomalgNN.Training;

namespace HomalgNN.Benchmarks;

/// <summary>A training observer that times the optimiser steps of an epoch, apart from its evaluation.</summary>
internal sealed class StepClock : ITrainingObserver
{
    readonly Stopwatch _clock = new();

    /// <summary>Seconds from the epoch's start to its last step's end.</summary>
    public double StepSeconds { get; private set; }

    /// <summary>Steps taken.</summary>
    public int Steps { get; private set; }

    public void EpochStarted(int epoch, int batches) => _clock.Restart();

    public void BatchFinished(int epoch, int batch, double taskLoss)
    {
        Steps = batch;
        StepSeconds = _clock.Elapsed.TotalSeconds;
    }
}
