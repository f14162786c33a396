using HomalgNN.Data;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>Decides where each (arm, seed) run comes from before anything is trained, so that a bad folder stops the comparison at once.</summary>
public static class ComparePlan
{
    /// <summary>Seed by seed, arm by arm: train, reuse a finished run with the same settings, or load a named run.</summary>
    public static List<PlannedRun> Make(CompareOptions options, DataSplit data)
    {
        options.Validate();
        var loaded = options.Arms.Where(a => a.Runs is not null).ToDictionary(a => a.Name, a => LoadedRuns.BySeed(a.Name, a.Runs!));
        return options.Seeds
            .SelectMany(seed => options.Arms.Select(arm => arm.Training is { } template
                ? Trained(arm.Name, seed, template, options.OutDir, data)
                : Loaded(arm.Name, seed, loaded[arm.Name], data)))
            .ToList();
    }

    /// <summary>The folder of a trained arm's run: &lt;out&gt;/&lt;arm&gt;/seed&lt;k&gt;.</summary>
    public static string RunFolder(string outDir, string arm, int seed) => Path.Combine(outDir, arm, $"seed{seed}");

    static PlannedRun Trained(string arm, int seed, TrainingOptions template, string outDir, DataSplit data)
    {
        var folder = RunFolder(outDir, arm, seed);
        var options = template with
        {
            Seed = seed,
            TensorBoardDir = template.TensorBoardDir is null ? null : RunFolder(template.TensorBoardDir, arm, seed),
        };
        if (!SavedRun.IsCompleted(folder)) return new PlannedRun(arm, seed, folder, RunAction.Train, options);
        // A finished run is reused only if it is the run that would be trained now; a silent mix of settings would corrupt the table.
        var differences = RunConfigReader.Differences(SavedRun.ReadConfig(folder), RunConfig.Describe(options, data, 0, 0));
        if (differences.Count > 0)
            throw new InvalidOperationException(
                $"{folder} holds a finished run with other settings ({string.Join("; ", differences)}); use another --out, or delete that folder to train it again");
        return new PlannedRun(arm, seed, folder, RunAction.Reuse, options);
    }

    static PlannedRun Loaded(string arm, int seed, Dictionary<int, string> runs, DataSplit data)
    {
        if (!runs.TryGetValue(seed, out var folder))
            throw new ArgumentException($"--run {arm}: no run with seed {seed} (found seeds {string.Join(",", runs.Keys.Order())})");
        if (!SavedRun.IsCompleted(folder)) throw new InvalidDataException($"--run {arm}: {folder} did not finish (no completed results.json and model.bin)");
        var dataset = RunConfigReader.Required(SavedRun.ReadConfig(folder), "dataset", Path.Combine(folder, TrainingRun.ResultsFile), e => e.GetString());
        if (!string.Equals(dataset, data.Spec.Name, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--run {arm}: {folder} was trained on {dataset} but the comparison measures on {data.Spec.Name}; pass --dataset {dataset}");
        return new PlannedRun(arm, seed, folder, RunAction.Load, null);
    }
}
