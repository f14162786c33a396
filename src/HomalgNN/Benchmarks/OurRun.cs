using System.Diagnostics;
using HomalgNN.Algebra;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Benchmarks;

/// <summary>Our side of the bench at one precision: the trainer `homalg train` uses, on the bench's data, timed round by round.</summary>
internal sealed class OurRun : IDisposable
{
    readonly BenchOptions _options;
    readonly TrainingOptions _training;
    readonly Trainer _trainer;
    readonly DataSplit _data;
    readonly int _fullBatches;
    readonly RoundLog _rounds = new();
    double _accuracy;

    /// <summary>A seeded trainer; in quick mode on the <see cref="BenchRunner.QuickImages"/> images the reference gets too.</summary>
    public OurRun(BenchOptions options, DataSplit data, Precision precision, int fullBatches)
    {
        _options = options;
        _data = data;
        _fullBatches = fullBatches;
        Precision = precision;
        _training = new TrainingOptions(
            new NetworkConfig(NetworkConfig.StudyDims, Precision: precision),
            options.Lambda, options.ScheduleEpochs, options.BatchSize, options.LearningRate, options.Seed,
            TrainLimit: options.Quick ? BenchRunner.QuickImages(options, data) : null);
        _trainer = new Trainer(_training, data);
        // As the original: Betti numbers and defects once per epoch (the trainer adds its own Betti numbers).
        if (!options.Quick) _ = new HomologyMonitor(_trainer, _trainer.BatchesPerEpoch);
    }

    /// <summary>The precision of this run.</summary>
    public Precision Precision { get; }

    /// <summary>One round: an epoch of the trainer (in quick mode, of QuickSteps steps).</summary>
    public double Round(int round)
    {
        var steps = new StepClock();
        var clock = Stopwatch.StartNew();
        var record = _trainer.RunEpoch(round, steps);
        double wall = clock.Elapsed.TotalSeconds;
        _rounds.Add(steps.Steps, wall);
        _accuracy = record.TestAccuracy;
        return wall;
    }

    /// <summary>The profile, evaluation and monitor timings, and the run's measurements.</summary>
    public RunMeasurement Finish()
    {
        var evaluate = new List<double>();
        for (int i = 0; i < _options.EvaluateCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            _trainer.Evaluate();
            evaluate.Add(clock.Elapsed.TotalSeconds);
        }
        // A monitor call as HomologyMonitor makes it: snapshot the maps in float64, Betti numbers, then defects on the same complex.
        var betti = new List<double>();
        var defects = new List<double>();
        ChainComplex complex = null!;
        for (int i = 0; i < _options.MonitorCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            complex = Snapshot();
            complex.BettiNumbers();
            betti.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            complex.ExactnessDefects();
            defects.Add(clock.Elapsed.TotalSeconds);
        }
        StepParts parts;
        using (var batch = TensorData.From(_data.Train.Take(Math.Min(_options.BatchSize, _data.Train.Count), _options.Seed), _trainer.Model.LayerType))
            parts = StepProfiler.Measure(_trainer.Model, batch, _training.LossOptions, _options.ProfileBatches);
        double evaluateSeconds = RunMeasurement.Median(evaluate), bettiSeconds = RunMeasurement.Median(betti), defectSeconds = RunMeasurement.Median(defects);
        var epochs = _rounds.EpochSeconds(_options.Quick, _fullBatches, evaluateSeconds + bettiSeconds + defectSeconds);
        return new RunMeasurement(
            $"ours {Name(Precision)}", Precision, false, epochs, _rounds.SecondsPerStep,
            evaluateSeconds, bettiSeconds, defectSeconds, parts, complex.BettiNumbers(), complex.ExactnessDefects(), _accuracy,
            EpochFlops.Of(_training.Network, _data.Train.Count, _data.Test.Count, _options.BatchSize));
    }

    /// <summary>The flag spelling of a precision.</summary>
    public static string Name(Precision p) => p switch { Precision.Float64 => "float64", Precision.Float32 => "float32", _ => "mixed" };

    ChainComplex Snapshot() => _trainer.Model.Chain!.ToChainComplex(Tolerance.Absolute(_training.LossOptions.Epsilon));

    public void Dispose() => _trainer.Dispose();
}
