using System.Text.RegularExpressions;
using HomalgNN.Analysis;
using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>What a comparison runs and measures.</summary>
/// <param name="Arms">The arms; the first is the reference every other is tested against.</param>
/// <param name="Seeds">The seeds; each arm gets one run per seed, and runs with the same seed are paired.</param>
/// <param name="OutDir">Holds compare.md, compare.json and, for trained arms, &lt;arm&gt;/seed&lt;k&gt;/.</param>
/// <param name="Layer">The layer whose representation is measured.</param>
/// <param name="MeasureLimit">Measure representations on this many test images (a seeded stratified subset), or null for all.</param>
/// <param name="Entanglement">Settings of the entanglement estimate (null: the study's).</param>
/// <param name="Probe">Settings of the linear probe (null: the study's).</param>
public sealed partial record CompareOptions(
    IReadOnlyList<CompareArm> Arms,
    IReadOnlyList<int> Seeds,
    string OutDir,
    string Layer = LayerRepresentations.DefaultLayer,
    int? MeasureLimit = null,
    EntanglementOptions? Entanglement = null,
    LinearProbeOptions? Probe = null)
{
    /// <summary>Rejects an empty or repeated arm or seed, an arm name unfit for a folder, and an unknown layer.</summary>
    public void Validate()
    {
        if (Arms.Count == 0) throw new ArgumentException("a comparison needs at least one arm");
        if (Seeds.Count == 0) throw new ArgumentException("a comparison needs at least one seed");
        if (Seeds.Distinct().Count() != Seeds.Count) throw new ArgumentException($"seeds repeat: {string.Join(",", Seeds)}");
        if (Seeds.Any(s => s < 0)) throw new ArgumentException($"seeds must be >= 0, got {string.Join(",", Seeds)}");
        foreach (var arm in Arms)
        {
            if (!ArmName().IsMatch(arm.Name)) throw new ArgumentException($"arm name '{arm.Name}' must be letters, digits, '-', '_' or '.', starting with a letter or digit");
            if ((arm.Training is null) == (arm.Runs is null)) throw new ArgumentException($"arm '{arm.Name}' must be either trained or loaded");
            arm.Training?.Validate();
        }
        var repeated = Arms.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"arm '{repeated.Key}' is given more than once");
        LayerRepresentations.RequireLayer(Layer);
        if (MeasureLimit is < 50) throw new ArgumentException($"--measure-limit must be at least 50 (the probe's 5 folds need images of every class), got {MeasureLimit}");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ArmName();
}
