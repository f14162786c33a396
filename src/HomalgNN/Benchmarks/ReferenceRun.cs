using System.Globalization;
using System.Text.Json;
using HomalgNN.Nn;

namespace HomalgNN.Benchmarks;

/// <summary>The reference's side of the bench: the PyTorch training step, driven round by round like ours.</summary>
internal sealed class ReferenceRun : IDisposable
{
    readonly BenchOptions _options;
    readonly ReferenceProcess _process;
    readonly int _fullBatches, _trainImages, _testImages;
    readonly RoundLog _rounds = new();
    double _accuracy;

    /// <summary>Starts the reference on the IDX files in <paramref name="dataFolder"/> (the images our trainers use).</summary>
    public ReferenceRun(BenchOptions options, PythonRuntime python, string script, string dataFolder, int threads, int fullBatches, int trainImages, int testImages)
    {
        _options = options;
        _fullBatches = fullBatches;
        _trainImages = trainImages;
        _testImages = testImages;
        var c = CultureInfo.InvariantCulture;
        _process = ReferenceProcess.Start(python, script, dataFolder,
        [
            "--dims", string.Join(",", NetworkConfig.StudyDims), "--batch-size", options.BatchSize.ToString(c),
            "--lam", options.Lambda.ToString("R", c), "--lr", options.LearningRate.ToString("R", c),
            "--epochs", options.ScheduleEpochs.ToString(c), "--seed", options.Seed.ToString(c), "--threads", threads.ToString(c),
        ], threads);
        Batches = _process.Hello.GetProperty("batches_per_epoch").GetInt32();
        Description = $"{python.Path} (torch {_process.Hello.GetProperty("torch").GetString()}, numpy {_process.Hello.GetProperty("numpy").GetString()}, {_process.Hello.GetProperty("threads").GetInt32()} threads)";
    }

    /// <summary>Optimiser steps in one of the reference's epochs over the data it was given.</summary>
    public int Batches { get; }

    /// <summary>Interpreter and versions.</summary>
    public string Description { get; }

    /// <summary>Runs every code path of a round once, untimed, on a copy of the network (the script's profile copies it).</summary>
    public void Warmup()
    {
        _process.Send("profile 5");
        _process.Send("evaluate");
        _process.Send("monitor");
    }

    /// <summary>One round: an epoch (steps, test evaluation and one monitor call), or in quick mode the round's steps only.</summary>
    public double Round()
    {
        int steps = _options.Quick ? Math.Min(_options.QuickSteps, Batches) : Batches;
        var run = _process.Send($"steps {steps}");
        double wall = run.GetProperty("seconds").GetDouble();
        var stepSeconds = run.GetProperty("step_seconds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        if (!_options.Quick)
        {
            var evaluate = _process.Send("evaluate");
            var monitor = _process.Send("monitor");
            _accuracy = evaluate.GetProperty("accuracy").GetDouble();
            wall += evaluate.GetProperty("seconds").GetDouble() + monitor.GetProperty("betti_seconds").GetDouble() + monitor.GetProperty("defects_seconds").GetDouble();
        }
        _rounds.Add(stepSeconds, wall);
        return wall;
    }

    /// <summary>The profile, evaluation and monitor timings, and the reference's measurements.</summary>
    public RunMeasurement Finish()
    {
        var evaluate = new List<double>();
        for (int i = 0; i < _options.EvaluateCalls; i++)
        {
            var e = _process.Send("evaluate");
            evaluate.Add(e.GetProperty("seconds").GetDouble());
            _accuracy = e.GetProperty("accuracy").GetDouble();
        }
        var betti = new List<double>();
        var defects = new List<double>();
        JsonElement monitor = default;
        for (int i = 0; i < _options.MonitorCalls; i++)
        {
            monitor = _process.Send("monitor");
            betti.Add(monitor.GetProperty("betti_seconds").GetDouble());
            defects.Add(monitor.GetProperty("defects_seconds").GetDouble());
        }
        var p = _process.Send($"profile {_options.ProfileBatches}");
        var parts = new StepParts(p.GetProperty("task").GetDouble(), p.GetProperty("exactness").GetDouble(), p.GetProperty("chain_axiom").GetDouble(), p.GetProperty("optimizer").GetDouble());
        double evaluateSeconds = RunMeasurement.Median(evaluate), bettiSeconds = RunMeasurement.Median(betti), defectSeconds = RunMeasurement.Median(defects);
        var epochs = _rounds.EpochSeconds(_options.Quick, _fullBatches, evaluateSeconds + bettiSeconds + defectSeconds);
        return new RunMeasurement(
            "reference (PyTorch)", Precision.Float64, true, epochs, _rounds.SecondsPerStep,
            evaluateSeconds, bettiSeconds, defectSeconds, parts,
            monitor.GetProperty("betti").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
            monitor.GetProperty("defects").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            _accuracy,
            EpochFlops.Of(new NetworkConfig(NetworkConfig.StudyDims), _trainImages, _testImages, _options.BatchSize));
    }

    /// <summary>Peak resident bytes of the reference's process.</summary>
    public long PeakRss() => _process.Send("memory").GetProperty("peak_rss_bytes").GetInt64();

    public void Dispose() => _process.Dispose();
}
