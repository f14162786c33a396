using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Experiments.Sweeps;

/// <summary>One seed's run of a grid point.</summary>
public sealed record SweepRun(int Seed, string Key, string Folder, double TestAccuracy, int[]? Betti, double? ExactnessLoss, double Seconds);

/// <summary>One row of the sweep table: a grid point over its seeds.</summary>
/// <param name="Point">Each varying flag's value.</param>
/// <param name="Runs">The seeds' runs.</param>
/// <param name="Accuracy">Final test accuracy: mean and 95% interval over seeds.</param>
/// <param name="Betti">The final Betti vectors seen, e.g. "[0,0,0,128]".</param>
/// <param name="ExactnessLoss">Final exactness loss over seeds; null without a chain.</param>
/// <param name="AccuracyVsFirst">Accuracy against the first row (difference and test); null for the first row.</param>
/// <param name="Verdict">Computed from the numbers: where the Betti numbers stand, and the accuracy test.</param>
public sealed record SweepRow(
    IReadOnlyDictionary<string, string> Point,
    IReadOnlyList<SweepRun> Runs,
    MeanEstimate Accuracy,
    string Betti,
    MeanEstimate? ExactnessLoss,
    ArmContrast? AccuracyVsFirst,
    string Verdict)
{
    /// <summary>Mean seconds per run (a timing, excluded from comparisons of results).</summary>
    public double MeanSeconds => Runs.Average(r => r.Seconds);
}
