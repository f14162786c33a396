using System.Diagnostics;
using HomalgNN.Training;

namespace HomalgNN.Benchmarks;

/// <summary>A training observer that times each optimiser step of an epoch, apart from the epoch's evaluation.</summary>
internal sealed class StepClock : ITrainingObserver
{
    readonly Stopwatch _clock = new();
    double _last;

    /// <summary>Seconds of each step, in order.</summary>
    public List<double> Steps { get; } = [];

    public void EpochStarted(int epoch, int batches)
    {
        Steps.Clear();
        _last = 0;
        _clock.Restart();
    }

    public void BatchFinished(int epoch, int batch, double taskLoss)
    {
        double now = _clock.Elapsed.TotalSeconds;
        Steps.Add(now - _last);
        _last = now;
    }
}
