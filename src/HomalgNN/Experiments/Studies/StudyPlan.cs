using HomalgNN.Experiments.Sweeps;

namespace HomalgNN.Experiments.Studies;

/// <summary>The sections of a study report and the runs each reads (by key; a run shared by two sections is trained once).</summary>
/// <param name="Dataset">The data set every run uses.</param>
/// <param name="Seeds">Seeds of every multi-seed experiment.</param>
/// <param name="EpochScale">Factor applied to the study's epoch counts (1 = the study).</param>
/// <param name="LambdaSweep">The lambda sweep's table.</param>
/// <param name="Longer">The long run at one lambda, shown at a few epochs.</param>
/// <param name="Architectures">The original chain first, then the chains compared with it.</param>
/// <param name="Diagnostics">The diagnostics runs, one per lambda.</param>
/// <param name="Comparison">The runs of the baseline-versus-exact section (see <see cref="StudyComparisonHook"/>).</param>
public sealed record StudyPlan(
    string Dataset,
    IReadOnlyList<int> Seeds,
    double EpochScale,
    SweepPlan LambdaSweep,
    EpochSection Longer,
    IReadOnlyList<ArchitectureArm> Architectures,
    IReadOnlyList<DiagnosticsEntry> Diagnostics,
    IReadOnlyList<ComparisonArm> Comparison)
{
    /// <summary>Every run the report reads.</summary>
    public IEnumerable<string> RunKeys() => LambdaSweep.RunKeys()
        .Concat(Longer.RunKeys)
        .Concat(Architectures.SelectMany(a => a.RunKeys))
        .Concat(Diagnostics.Select(d => d.RunKey))
        .Concat(Comparison.SelectMany(a => a.RunKeys));
}

/// <summary>The long run: its lambda and epochs, the epochs shown as columns, and one run per seed.</summary>
public sealed record EpochSection(double Lambda, int Epochs, IReadOnlyList<int> ShownEpochs, IReadOnlyList<string> RunKeys);

/// <summary>One chain of the architecture comparison, with one run per seed.</summary>
public sealed record ArchitectureArm(string Name, int[] Dims, IReadOnlyList<string> RunKeys);

/// <summary>One diagnostics run (first seed only: its figure is one training's story).</summary>
public sealed record DiagnosticsEntry(double Lambda, int Epochs, int BatchSize, string RunKey);

/// <summary>One arm of the baseline-versus-exact comparison, with one run per seed.</summary>
public sealed record ComparisonArm(string Name, IReadOnlyList<string> RunKeys);
