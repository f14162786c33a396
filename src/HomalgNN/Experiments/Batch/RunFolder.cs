using System.Text.Json;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>
/// A run's own folder inside an experiment folder: run.json (key and settings, written first), then what `train` or
/// `diagnose` writes. Every file is replaced atomically, so a run killed at any moment leaves either a finished folder
/// or one that <see cref="IsFinished"/> rejects; the next attempt resumes it from its checkpoint after the last whole epoch
/// (<see cref="Checkpoint"/>), or trains it from the start when it has none.
/// </summary>
public static class RunFolder
{
    /// <summary>The folder of run folders inside an experiment folder.</summary>
    public const string RunsDir = "runs";

    /// <summary>The run's identity, written before training starts.</summary>
    public const string SpecFile = "run.json";

    /// <summary>The run's folder relative to the experiment folder.</summary>
    public static string RelativePath(PlannedRun run) => Path.Combine(RunsDir, run.Folder);

    /// <summary>The run's folder inside <paramref name="experimentDir"/>.</summary>
    public static string PathOf(string experimentDir, PlannedRun run) => Path.Combine(experimentDir, RelativePath(run));

    /// <summary>True when the folder holds this run (same key), results.json says completed, and a diagnostics run has its diagnostics.</summary>
    public static bool IsFinished(string dir, PlannedRun run)
    {
        if (ReadProperty(Path.Combine(dir, SpecFile), "key") is not { ValueKind: JsonValueKind.String } key || key.GetString() != run.Key) return false;
        if (ReadProperty(Path.Combine(dir, TrainingRun.ResultsFile), "completed") is not { ValueKind: JsonValueKind.True }) return false;
        // DiagnoseRun writes its files after results.json is complete: a kill in between leaves a run to redo.
        return run.DiagnoseEvery is null || (File.Exists(Path.Combine(dir, DiagnoseRun.JsonFile)) && File.Exists(Path.Combine(dir, DiagnoseRun.PlotFile)));
    }

    /// <summary>Readies the folder for a fresh attempt: removes temporary files a killed writer left behind and records the run's identity.</summary>
    public static void Prepare(string dir, PlannedRun run)
    {
        Directory.CreateDirectory(dir);
        foreach (var leftover in Directory.EnumerateFiles(dir, "*.tmp-*")) File.Delete(leftover);
        using var canonical = JsonDocument.Parse(RunKey.CanonicalJson(run.Options, run.Dataset, run.DiagnoseEvery));
        AtomicFile.WriteJson(Path.Combine(dir, SpecFile), new { key = run.Key, hashed = canonical.RootElement, run });
    }

    /// <summary>Reads a finished run's results (and diagnostics summary) from <paramref name="dir"/>.</summary>
    public static RunOutcome Load(string dir, PlannedRun run)
    {
        var result = JsonSerializer.Deserialize<RunResult>(File.ReadAllText(Path.Combine(dir, TrainingRun.ResultsFile)), AtomicFile.JsonOptions)
            ?? throw new InvalidDataException($"{Path.Combine(dir, TrainingRun.ResultsFile)} holds no run");
        List<string>? summary = null;
        if (run.DiagnoseEvery is not null && ReadProperty(Path.Combine(dir, DiagnoseRun.JsonFile), "summary") is { } lines)
            summary = lines.Deserialize<List<string>>();
        return new RunOutcome(run, result, RelativePath(run), summary);
    }

    /// <summary>A top-level property of a JSON file, or null when the file is missing or unreadable (a run to redo, not an error).</summary>
    static JsonElement? ReadProperty(string path, string name)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var value) ? value.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
