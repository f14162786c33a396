using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>How a batch went: the plan's size, this shard's share, and what was skipped or trained.</summary>
public sealed record BatchSummary(int PlanRuns, int ShardRuns, int Skipped, int Trained);

/// <summary>Trains one shard of an experiment's runs, each into its own folder, skipping those already finished.</summary>
public static class BatchRunner
{
    /// <summary>Writes plan.json into <paramref name="experimentDir"/>, then trains this shard's share of the plan's runs into its runs/ folder.</summary>
    /// <remarks>An interrupted run is trained again from its first epoch: Trainer keeps no optimiser or shuffling state on disk, and a fresh start is what makes the rerun's numbers identical to an uninterrupted one.</remarks>
    public static BatchSummary Execute(ExperimentPlan plan, string experimentDir, ShardSpec shard, DataCache data, IBatchObserver observer)
    {
        Directory.CreateDirectory(experimentDir);
        plan.Save(experimentDir);
        var mine = shard.Select(plan.Runs).ToList();
        var finished = mine.Where(r => RunFolder.IsFinished(RunFolder.PathOf(experimentDir, r), r)).ToList();
        var pending = mine.Where(r => !finished.Contains(r)).ToList();
        // Load every data set before the first epoch, so that a missing one fails now and not an hour in.
        foreach (var run in pending) data.For(run);
        var progress = new BatchProgress(mine.Count, pending);
        observer.BatchStarted(progress);
        foreach (var run in finished) observer.RunSkipped(run);
        foreach (var run in pending)
        {
            var dir = RunFolder.PathOf(experimentDir, run);
            RunFolder.Prepare(dir, run);
            progress.RunStarted(run);
            var epochs = new CountingObserver(observer.RunStarted(run, progress), progress);
            // Each run's TensorBoard events go into its own folder, not into one folder shared by all runs.
            var options = run.Options.TensorBoardDir is null ? run.Options : run.Options with { TensorBoardDir = Path.Combine(dir, "tensorboard") };
            var result = run.DiagnoseEvery is int every
                ? DiagnoseRun.Execute(options, data.For(run), every, dir, epochs).Run
                : TrainingRun.Execute(options, data.For(run), dir, epochs);
            progress.RunFinished();
            observer.RunFinished(run, result, progress);
        }
        observer.BatchFinished(progress);
        return new BatchSummary(plan.Runs.Count, mine.Count, finished.Count, pending.Count);
    }

    /// <summary>Counts epochs for the ETA before passing them on.</summary>
    sealed class CountingObserver(ITrainingObserver inner, BatchProgress progress) : ITrainingObserver
    {
        public void Resumed(int epochsDone, int epochs)
        {
            progress.EpochsRestored(epochsDone);
            inner.Resumed(epochsDone, epochs);
        }

        public void EpochStarted(int epoch, int batches) => inner.EpochStarted(epoch, batches);

        public void BatchFinished(int epoch, int batch, double taskLoss) => inner.BatchFinished(epoch, batch, taskLoss);

        public void EpochFinished(EpochRecord record)
        {
            progress.EpochFinished();
            inner.EpochFinished(record);
        }
    }
}
