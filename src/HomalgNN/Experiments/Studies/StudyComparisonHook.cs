using HomalgNN.Experiments.Batch;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Studies;

/// <summary>
/// HOOK(compare): the one place where the study meets `compare` (baseline-versus-exact arms with statistics, built in
/// Experiments/Compare*). Until it is merged, the study plans the two arms' runs (so they are trained, sharded and
/// kept with model.bin like every other run) and the report lists them without statistics of its own.
/// To connect it: build the section in <see cref="Section"/> from the arms' outcomes (and their model.bin files).
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

    /// <summary>The report's section: for now the arms' runs, and where the statistics will come from.</summary>
    public static string Section(IReadOnlyList<ComparisonArm> arms, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var lines = arms.Select(a => $"- {a.Name}: " + string.Join(", ", a.RunKeys.Select(k => $"[{outcomes[k].Run.Label}]({outcomes[k].Folder}/results.json)")));
        return "Statistics pending: this section will come from `compare` (baseline-versus-exact arms with representation metrics and tests) " +
               "once it is merged; the hook is `StudyComparisonHook.Section`. The arms' runs, trained with model.bin kept:\n\n" +
               string.Join("\n", lines) + "\n";
    }
}
