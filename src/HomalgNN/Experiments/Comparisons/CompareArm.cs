using HomalgNN.Training;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>One arm of a comparison: trained here from a template (its seed replaced by each seed), or loaded from finished runs.</summary>
/// <param name="Name">Names the arm in tables and its folder under the output folder.</param>
/// <param name="Training">The settings each seed's run is trained with; null for a loaded arm.</param>
/// <param name="Runs">Run folders, or folders holding run folders, matched to seeds by the seed in their results.json; null for a trained arm.</param>
public sealed record CompareArm(string Name, TrainingOptions? Training, IReadOnlyList<string>? Runs)
{
    /// <summary>An arm trained with <paramref name="template"/> on every seed.</summary>
    public static CompareArm Trained(string name, TrainingOptions template) => new(name, template, null);

    /// <summary>An arm read from finished runs (see <see cref="Runs"/>).</summary>
    public static CompareArm Loaded(string name, IReadOnlyList<string> runs) => new(name, null, runs);
}
