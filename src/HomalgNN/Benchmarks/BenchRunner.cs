using HomalgNN.Data;
using HomalgNN.Nn;
using TorchSharp;

namespace HomalgNN.Benchmarks;

/// <summary>
/// Runs `homalg bench`: our trainer and the PyTorch reference on the same images, batch size and flags, alternating
/// round by round (ours float64, reference, ours float32, ours mixed, then again), then each side's per-part profile,
/// monitor calls and test evaluation, this machine's matmul speed and both processes' peak memory.
/// </summary>
public static class BenchRunner
{
    /// <summary>The script's path relative to the repository (and to the build output, which carries a copy).</summary>
    public const string ScriptPath = "bench/reference/homalg_reference.py";

    /// <summary>Consecutive steps whose mean is one sample of a side's speed in quick mode (the median sample is used).</summary>
    public const int StepChunk = 10;

    /// <summary>Training images used in quick mode: just enough for one round of QuickSteps steps.</summary>
    public static int QuickImages(BenchOptions options, DataSplit data) => Math.Min(data.Train.Count, options.QuickSteps * options.BatchSize);

    /// <summary>Runs the bench; <paramref name="log"/> receives one line per phase and round.</summary>
    public static BenchReport Run(BenchOptions options, DataSplit data, Action<string> log)
    {
        options.Validate();
        var busyBefore = LoadAverage.BusyFraction(TimeSpan.FromSeconds(1));
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        int threads = torch.get_num_threads();
        int fullBatches = (data.Train.Count + options.BatchSize - 1) / options.BatchSize;
        string? missing = null, folder = null;
        ReferenceRun? reference = null;
        var ours = new List<OurRun>();
        try
        {
            if (!options.OursOnly)
            {
                var python = PythonLocator.Find(options.Python, out var why);
                var script = options.ReferenceScript ?? LocateScript();
                if (python is null) missing = why;
                else if (script is null || !File.Exists(script)) missing = $"the reference script {options.ReferenceScript ?? ScriptPath} was not found";
                else
                {
                    folder = WriteData(options, data);
                    log($"starting the reference: {python.Path} {script}");
                    reference = new ReferenceRun(options, python, script, folder, threads, fullBatches, data.Train.Count, data.Test.Count);
                }
            }
            foreach (var p in options.PrecisionsOrDefault) ours.Add(new OurRun(options, data, p, fullBatches));
            log("warming up both sides (untimed)");
            reference?.Warmup();
            foreach (var run in ours) run.Warmup();
            for (int round = 1; round <= options.Rounds; round++)
            {
                var line = new List<string> { $"ours float64 {ours[0].Round(round):F1} s" };
                if (reference is not null) line.Add($"reference {reference.Round():F1} s");
                foreach (var run in ours.Skip(1)) line.Add($"ours {OurRun.Name(run.Precision)} {run.Round(round):F1} s");
                log($"round {round}/{options.Rounds}: {string.Join(" | ", line)}");
            }
            log("profiling the step parts, the monitor and the test evaluation");
            var runs = ours.Select(r => r.Finish()).ToList();
            long? referenceRss = null;
            if (reference is not null)
            {
                runs.Insert(0, reference.Finish());
                referenceRss = reference.PeakRss();
            }
            log("measuring matmul throughput");
            double f64 = MatmulThroughput.Measure(torch.ScalarType.Float64, options.MatmulSize), f32 = MatmulThroughput.Measure(torch.ScalarType.Float32, options.MatmulSize);
            return new BenchReport(options, data.Spec.Name, data.Train.Count, data.Test.Count, fullBatches, threads,
                reference?.Description, missing, runs, f64, f32, PeakMemory.PeakResidentBytes(), referenceRss, busyBefore, LoadAverage.OneMinute());
        }
        finally
        {
            reference?.Dispose();
            foreach (var run in ours) run.Dispose();
            if (folder is not null) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The repository's copy of the script (so that edits need no rebuild), else the one beside the assembly.</summary>
    public static string? LocateScript()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, ScriptPath);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ScriptPath);
            if (File.Exists(candidate)) return candidate;
        }
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>Writes the images our trainers use as raw IDX files into a new temporary folder, so that the reference reads exactly them.</summary>
    static string WriteData(BenchOptions options, DataSplit data)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"homalg-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var train = options.Quick ? data.Train.Take(QuickImages(options, data), options.Seed) : data.Train;
        Write(train, Path.Combine(folder, "train"));
        Write(data.Test, Path.Combine(folder, "t10k"));
        return folder;
    }

    static void Write(ImageDataset set, string prefix)
    {
        new IdxFile([set.Count, set.Height, set.Width], set.Pixels).Write($"{prefix}-images-idx3-ubyte");
        new IdxFile([set.Count], set.Labels).Write($"{prefix}-labels-idx1-ubyte");
    }
}
