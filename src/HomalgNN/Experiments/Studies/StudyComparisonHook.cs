using HomalgNN.Experiments.Batch;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Studies;

/// <summary>
/// Where the study meets `compare`: the study plans the two arms' runs (trained, sharded and kept with model.bin like
/// every other run), and the report's section loads them and runs the comparison with its statistics.
/// </summary>
public static class StudyComparisonHook
{
    /// <summary>The comparison's arms: the study's baseline network (the chain replaced by Linear+ReLU layers in float32, as `train --baseline`) and the original chain at the main lambda.</summary>
    /// <param name="exact">The original chain's arm (its runs are reused, not trained again).</param>
    /// <param name="seeded">Plans one run per seed of the given options and returns their keys.</param>
    /// <param name="chainOptions">The exact arm's options, from which the baseline differs only in its middle.</param>
    public static IReadOnlyList<ComparisonArm> Arms(ArchitectureArm exact, Func<TrainingOptions, IReadOnlyList<string>> seeded, TrainingOptions chainOptions) =>
    [
        new("Baseline", seeded(chainOptions with { Network = chainOptions.Network with { Baseline = true } })),
        new("Exact", exact.RunKeys),
    ];

    /// <summary>
    /// The report's section: `compare` over the arms' saved runs (loaded, never retrained), measured at bridge_out on the
    /// test split of the data the runs recorded; compare.md and compare.json go into &lt;dir&gt;/compare.
    /// </summary>
    public static string Section(string dir, IReadOnlyList<ComparisonArm> arms, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var first = outcomes[arms[0].RunKeys[0]].Result.Config;
        var spec = Data.DatasetCatalog.Get(first["dataset"]?.ToString() ?? throw new InvalidDataException("a run without its dataset"));
        var data = Data.DatasetLocator.LoadFolder(spec, first["data_folder"]?.ToString() ?? throw new InvalidDataException("a run without its data folder"));
        var seeds = arms[0].RunKeys.Select(k => int.Parse(outcomes[k].Result.Config["seed"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var options = new Comparisons.CompareOptions(
            arms.Select(a => Comparisons.CompareArm.Loaded(a.Name.ToLowerInvariant(), a.RunKeys.Select(k => Path.Combine(dir, outcomes[k].Folder)).ToArray())).ToArray(),
            seeds, Path.Combine(dir, "compare"));
        var report = Comparisons.CompareRun.Execute(options, data);
        return $"Measured by `compare` at `{options.Layer}` on {spec.Name}'s test split ([compare.md](compare/{Comparisons.CompareReport.MarkdownFile})).\n\n" + report.ToMarkdown() + "\n";
    }
}
