using System.Diagnostics;
using HomalgNN.Data;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>One training run end to end: train, evaluate, and keep results.json (and the model) current in the output folder.</summary>
public static class TrainingRun
{
    /// <summary>Name of the results file in a run folder.</summary>
    public const string ResultsFile = "results.json";

    /// <summary>Name of the monitor's CSV in a run folder.</summary>
    public const string MonitorFile = "monitor.csv";

    /// <summary>Name of the saved weights in a run folder.</summary>
    public const string ModelFile = "model.bin";

    /// <summary>
    /// Trains with <paramref name="options"/> on <paramref name="data"/>; writes into <paramref name="outDir"/> after every epoch
    /// when given, with a checkpoint from which a killed run resumes at its last whole epoch (same settings, same numbers).
    /// </summary>
    /// <param name="attach">Called with the trainer before the first step, e.g. to subscribe a recorder to its probes.</param>
    /// <param name="resumable">False for callers that keep per-step records in memory (a resumed run would lack the early
    /// ones): such a run writes no checkpoint and always trains from the start.</param>
    public static RunResult Execute(TrainingOptions options, DataSplit data, string? outDir, ITrainingObserver observer, Action<Trainer>? attach = null, bool resumable = true)
    {
        var clock = Stopwatch.StartNew();
        using var folderLock = outDir is null ? null : RunFolderLock.Acquire(outDir);
        using var trainer = new Trainer(options, data);
        attach?.Invoke(trainer);
        var config = RunConfig.Describe(options, data, trainer.TrainCount, trainer.TestCount);
        var checkpoint = outDir is not null && resumable ? Path.Combine(outDir, Checkpoint.FileName) : null;
        var fingerprint = RunConfig.Fingerprint(config);
        var history = new List<EpochRecord>();
        var tensorBoard = options.TensorBoardDir is null ? null : new TensorBoardLog(options.TensorBoardDir);
        var monitor = options.MonitorEvery > 0 || tensorBoard != null
            ? new HomologyMonitor(trainer, options.MonitorEvery > 0 ? options.MonitorEvery : trainer.BatchesPerEpoch, tensorBoard)
            : null;
        double earlier = 0;
        if (checkpoint is not null && Checkpoint.TryResume(checkpoint, trainer, fingerprint) is { } resumed)
        {
            history.AddRange(resumed.History);
            monitor?.Records.AddRange(resumed.Monitor ?? []);
            earlier = resumed.Seconds;
            observer.Resumed(resumed.EpochsDone, options.Epochs);
        }
        double Seconds() => earlier + clock.Elapsed.TotalSeconds;
        RunResult Snapshot(FinalRecord? final, bool completed) =>
            new(config, history, final, Seconds(), completed, monitor?.Records);
        void Save(RunResult r)
        {
            if (outDir is null) return;
            AtomicFile.WriteJson(Path.Combine(outDir, ResultsFile), r);
            if (monitor != null) AtomicFile.WriteAllText(Path.Combine(outDir, MonitorFile), HomologyMonitor.ToCsv(monitor.Records));
        }
        Save(Snapshot(null, false));
        for (int epoch = history.Count + 1; epoch <= options.Epochs; epoch++)
        {
            var record = trainer.RunEpoch(epoch, observer);
            history.Add(record);
            tensorBoard?.Epoch(record, trainer.Step);
            // The checkpoint first: results.json never gets ahead of what a resumed run would restore.
            if (checkpoint is not null)
                Checkpoint.Save(checkpoint, trainer, new CheckpointInfo(fingerprint, epoch, Seconds(), history, monitor?.Records, Convert.ToBase64String(TorchRandom.GetState())));
            Save(Snapshot(null, false));
        }
        var final = trainer.Final();
        if (outDir is not null) trainer.SaveModel(Path.Combine(outDir, ModelFile));
        var result = Snapshot(final, true);
        Save(result);
        if (checkpoint is not null) File.Delete(checkpoint);
        return result;
    }
}
