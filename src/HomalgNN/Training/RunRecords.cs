namespace HomalgNN.Training;

/// <summary>One epoch's averages and end-of-epoch measurements.</summary>
public sealed record EpochRecord(
    int Epoch,
    double TaskLoss,
    double ExactnessLoss,
    double ChainAxiomLoss,
    double TestAccuracy,
    int[]? Betti,
    double Seconds);

/// <summary>The chain's homology and spectrum at the end of training (null fields for the baseline).</summary>
public sealed record FinalRecord(
    double TestAccuracy,
    double TaskLoss,
    int[]? Betti,
    int[]? Homology,
    double[]? Defects,
    double? ExactnessLoss,
    double[]? ChainAxiomNorms,
    double[][]? SingularValues,
    int[][]? Shapes,
    int[]? Ranks,
    int[]? Nullities,
    int[]? SmallSingularValues,
    double[]? MinSingularValues,
    double[]? RelativeChainAxiomNorms = null);

/// <summary>A whole run as written to results.json: configuration, per-epoch history and final state.</summary>
public sealed record RunResult(
    Dictionary<string, object?> Config,
    List<EpochRecord> History,
    FinalRecord? Final,
    double TotalSeconds,
    bool Completed,
    List<MonitorRecord>? Monitor = null);
