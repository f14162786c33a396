using HomalgNN.Training;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>Receives the progress of a comparison: the plan, each run as it starts and ends, and (as a training observer) each trained run's epochs.</summary>
public interface ICompareObserver : ITrainingObserver
{
    /// <summary>Every run of the comparison, in the order they will be handled.</summary>
    void Planned(IReadOnlyList<PlannedRun> runs) { }

    /// <summary>Run number <paramref name="index"/> (0-based) begins: training, or loading when reused or loaded.</summary>
    void RunStarted(int index, PlannedRun run) { }

    /// <summary>The run's network is trained or loaded; its representation is being measured.</summary>
    void Measuring(int index, PlannedRun run) { }

    /// <summary>The run is measured.</summary>
    void RunFinished(int index, PlannedRun run, RunMeasurement measurement) { }
}
