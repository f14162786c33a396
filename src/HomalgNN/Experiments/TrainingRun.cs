using System.Diagnostics;
using HomalgNN.Data;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>One training run end to end: train, evaluate, and keep results.json (and the model) current in the output folder.</summary>
public static class TrainingRun
{
    /// <summary>Name of the results file in a run folder.</summary>
    public const string ResultsFile = "results.json";

    /// <summary>Name of the saved weights in a run folder.</summary>
    public const string ModelFile = "model.bin";

    /// <summary>Trains with <paramref name="options"/> on <paramref name="data"/>; writes into <paramref name="outDir"/> after every epoch when given.</summary>
    public static RunResult Execute(TrainingOptions options, DataSplit data, string? outDir, ITrainingObserver observer)
    {
        var clock = Stopwatch.StartNew();
        using var trainer = new Trainer(options, data);
        var config = RunConfig.Describe(options, data, trainer.TrainCount, trainer.TestCount);
        var history = new List<EpochRecord>();
        void Save(FinalRecord? final, bool completed)
        {
            if (outDir is null) return;
            AtomicFile.WriteJson(Path.Combine(outDir, ResultsFile), new RunResult(config, history, final, clock.Elapsed.TotalSeconds, completed));
        }
        Save(null, false);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            history.Add(trainer.RunEpoch(epoch, observer));
            Save(null, false);
        }
        var final = trainer.Final();
        if (outDir is not null) trainer.SaveModel(Path.Combine(outDir, ModelFile));
        var result = new RunResult(config, history, final, clock.Elapsed.TotalSeconds, true);
        if (outDir is not null) AtomicFile.WriteJson(Path.Combine(outDir, ResultsFile), result);
        return result;
    }
}
