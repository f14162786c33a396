namespace HomalgNN.Experiments.Comparisons;

/// <summary>The rows of a comparison table, in order: a name and how to read it off a run's measurement.</summary>
public static class CompareMetrics
{
    /// <summary>Test accuracy, then the study's representation metrics at the probed layer.</summary>
    public static IReadOnlyList<(string Name, Func<RunMeasurement, double> Value)> All { get; } =
    [
        ("test accuracy", m => m.TestAccuracy),
        ("entanglement", m => m.Entanglement),
        ("rank ratio", m => m.RankRatio),
        ("effective rank", m => m.EffectiveRank),
        ("participation ratio", m => m.ParticipationRatio),
        ("spectral entropy (bits)", m => m.SpectralEntropyBits),
        ("probe accuracy", m => m.ProbeAccuracy),
        ("probe complexity", m => m.ProbeComplexity),
        ("FER score", m => m.Fer),
    ];
}
