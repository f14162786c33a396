using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>What a comparison measured on one run: test accuracy and the representation metrics at the probed layer.</summary>
/// <param name="TrainSeconds">Wall time of training, or null when the run was reused or loaded.</param>
/// <param name="MeasureSeconds">Wall time of loading and measuring.</param>
public sealed record RunMeasurement(
    string Arm,
    int Seed,
    string Folder,
    RunAction Action,
    double TestAccuracy,
    double Entanglement,
    double RankRatio,
    int EffectiveRank,
    double ParticipationRatio,
    double SpectralEntropyBits,
    double ProbeAccuracy,
    double ProbeComplexity,
    bool ProbeConverged,
    double Fer,
    double? TrainSeconds,
    double MeasureSeconds)
{
    /// <summary>Collects the numbers of a run's summary.</summary>
    public static RunMeasurement From(PlannedRun run, double testAccuracy, RepresentationSummary s, double? trainSeconds, double measureSeconds) => new(
        run.Arm, run.Seed, run.Folder, run.Action, testAccuracy,
        s.Entanglement.Mean, s.Rank.RankRatio, s.Rank.EffectiveRank, s.Rank.ParticipationRatio, s.Rank.SpectralEntropyBits,
        s.Probe.MeanAccuracy, s.Probe.ProbeComplexity, s.Probe.Converged, s.Fer, trainSeconds, measureSeconds);
}
