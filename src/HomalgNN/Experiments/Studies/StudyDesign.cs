using System.Globalization;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Sweeps;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Studies;

/// <summary>The study's experiments (seed/000: sweep, longer training, symmetric and smaller chains, diagnostics, baseline) as one plan.</summary>
public static class StudyDesign
{
    /// <summary>The swept lambdas.</summary>
    public static IReadOnlyList<double> Lambdas { get; } = [0.1, 0.3, 0.5, 1.0, 2.0];

    /// <summary>Epochs of the sweep and the architecture runs.</summary>
    public const int SweepEpochs = 15;

    /// <summary>Epochs and lambda of the long run.</summary>
    public const int LongEpochs = 30;

    /// <summary>Lambda of the long run and of the architecture comparison.</summary>
    public const double MainLambda = 0.5;

    /// <summary>The symmetric chain.</summary>
    public static int[] SymmetricDims => [16, 32, 64, 32, 16];

    /// <summary>The smaller symmetric chain.</summary>
    public static int[] SmallerDims => [16, 32, 48, 32, 16];

    /// <summary>Lambdas of the diagnostics runs.</summary>
    public static IReadOnlyList<double> DiagnosticsLambdas { get; } = [0.5, 1.0];

    /// <summary>Epochs of the diagnostics runs.</summary>
    public const int DiagnosticsEpochs = 10;

    /// <summary>The diagnostics runs' batch size (the study's diagnostics used 256).</summary>
    public const int DiagnosticsBatchSize = 256;

    /// <summary>`--quick`: seeds, epoch factor, training images and diagnostics interval.</summary>
    public const int QuickSeeds = 2, QuickTrainLimit = 2000, QuickLogEvery = 10;

    /// <summary>`--quick`'s epoch factor: 15 -> 3, 30 -> 6, 10 -> 2 epochs.</summary>
    public const double QuickEpochScale = 0.2;

    /// <summary>The study's epoch count <paramref name="epochs"/> times <paramref name="scale"/>, rounded, at least 1.</summary>
    public static int Scale(int epochs, double scale) => Math.Max(1, (int)Math.Round(epochs * scale, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Every run of the study, in the canonical order shards split: the sweep, the long run, the chains, the
    /// diagnostics, then the comparison's extra runs. <paramref name="baseOptions"/> carries every other flag; its
    /// dims are the original chain.
    /// </summary>
    public static ExperimentPlan Plan(TrainingOptions baseOptions, string dataset, string? dataDir, IReadOnlyList<int> seeds, double epochScale, int logEvery)
    {
        if (seeds.Count == 0) throw new ArgumentException("a study needs at least one seed");
        if (!(epochScale > 0) || !double.IsFinite(epochScale)) throw new ArgumentException($"--epochs-scale must be a positive number, got {epochScale}");
        if (logEvery < 1) throw new ArgumentException($"--log-every must be at least 1, got {logEvery}");
        var runs = new List<PlannedRun>();
        var c = CultureInfo.InvariantCulture;
        List<string> Seeded(string label, TrainingOptions o, int? diagnose = null) => seeds.Select(s =>
        {
            var run = new PlannedRun(string.Create(c, $"{label} seed={s}"), o with { Seed = s }, dataset, dataDir, diagnose);
            runs.Add(run);
            return run.Key;
        }).ToList();
        TrainingOptions Chain(int[] dims, double lambda, int epochs) =>
            baseOptions with { Network = baseOptions.Network with { Dims = dims, Baseline = false }, Lambda = lambda, Epochs = Scale(epochs, epochScale) };

        var original = baseOptions.Network.Dims;
        var sweep = new SweepPlan(["lambda"], Lambdas.Select(l => new SweepPoint(
            new Dictionary<string, string> { ["lambda"] = l.ToString("0.0###", c) },
            Seeded(string.Create(c, $"sweep lambda={l:0.0###}"), Chain(original, l, SweepEpochs)))).ToList());

        int longEpochs = Scale(LongEpochs, epochScale);
        var longer = new EpochSection(MainLambda, longEpochs, new[] { 1, (longEpochs + 1) / 2, longEpochs }.Distinct().ToList(),
            Seeded(string.Create(c, $"long lambda={MainLambda:R}"), Chain(original, MainLambda, LongEpochs)));

        var arms = new[] { ("Original", original), ("Symmetric", SymmetricDims), ("Smaller", SmallerDims) }
            .Select(a => new ArchitectureArm(a.Item1, a.Item2, Seeded($"chain [{string.Join(",", a.Item2)}]", Chain(a.Item2, MainLambda, SweepEpochs))))
            .ToList();

        var diagnostics = DiagnosticsLambdas.Select(l =>
        {
            var o = Chain(original, l, DiagnosticsEpochs) with { BatchSize = DiagnosticsBatchSize, Seed = seeds[0] };
            var run = new PlannedRun(string.Create(c, $"diagnose lambda={l:R} seed={seeds[0]}"), o, dataset, dataDir, logEvery);
            runs.Add(run);
            return new DiagnosticsEntry(l, o.Epochs, o.BatchSize, run.Key);
        }).ToList();

        var comparison = StudyComparisonHook.Arms(arms[0], o => Seeded("baseline", o), Chain(original, MainLambda, SweepEpochs));
        var study = new StudyPlan(dataset, seeds, epochScale, sweep, longer, arms, diagnostics, comparison);
        return ExperimentPlan.Create(ExperimentKind.Study, runs, study: study);
    }
}
