namespace HomalgNN.Experiments.Comparisons;

/// <summary>Finds the finished runs a user names for an arm: each folder is a run (it holds results.json) or holds runs one level down.</summary>
public static class LoadedRuns
{
    /// <summary>Run folders by the seed their results.json records; two runs with one seed are an error.</summary>
    public static Dictionary<int, string> BySeed(string arm, IReadOnlyList<string> folders)
    {
        var bySeed = new Dictionary<int, string>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"--run {arm}={folder}: no such folder");
            var runs = IsRun(folder) ? [folder] : Directory.GetDirectories(folder).Where(IsRun).Order(StringComparer.Ordinal).ToList();
            if (runs.Count == 0)
                throw new ArgumentException($"--run {arm}={folder}: neither a run folder (with {TrainingRun.ResultsFile}) nor a folder of run folders");
            foreach (var run in runs)
            {
                var seed = RunConfigReader.Required(SavedRun.ReadConfig(run), "seed", Path.Combine(run, TrainingRun.ResultsFile), e => e.GetInt32());
                if (!bySeed.TryAdd(seed, run)) throw new ArgumentException($"--run {arm}: {bySeed[seed]} and {run} both have seed {seed}");
            }
        }
        return bySeed;
    }

    static bool IsRun(string folder) => File.Exists(Path.Combine(folder, TrainingRun.ResultsFile));
}
