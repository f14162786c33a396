using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomalgNN.Experiments.Studies;
using HomalgNN.Experiments.Sweeps;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>Which report an experiment folder gets.</summary>
public enum ExperimentKind
{
    /// <summary>sweep.md, sweep.csv, sweep.json.</summary>
    Sweep,

    /// <summary>report.md and report.json.</summary>
    Study,
}

/// <summary>
/// What an experiment trains (the canonical run list, each key once) and how its report is laid out. Saved as
/// plan.json in the experiment folder, so that `merge` rebuilds the report from run folders without the command line.
/// </summary>
/// <param name="Kind">Which report.</param>
/// <param name="Runs">The canonical run list: shards split it by position.</param>
/// <param name="Sweep">The table of a sweep.</param>
/// <param name="Study">The sections of a study.</param>
public sealed record ExperimentPlan(ExperimentKind Kind, IReadOnlyList<PlannedRun> Runs, SweepPlan? Sweep = null, StudyPlan? Study = null)
{
    /// <summary>The plan's file in an experiment folder.</summary>
    public const string FileName = "plan.json";

    /// <summary>Keeps the first of runs with equal keys (a run two experiments share is trained once) and checks that the report refers only to planned runs.</summary>
    public static ExperimentPlan Create(ExperimentKind kind, IEnumerable<PlannedRun> runs, SweepPlan? sweep = null, StudyPlan? study = null)
    {
        var unique = runs.DistinctBy(r => r.Key).ToList();
        var plan = new ExperimentPlan(kind, unique, sweep, study);
        var keys = unique.Select(r => r.Key).ToHashSet();
        var unknown = plan.ReferencedKeys().FirstOrDefault(k => !keys.Contains(k));
        if (unknown != null) throw new InvalidOperationException($"the report refers to run {unknown}, which is not planned");
        return plan;
    }

    /// <summary>Every run key the report reads.</summary>
    public IEnumerable<string> ReferencedKeys() => (Sweep?.RunKeys() ?? []).Concat(Study?.RunKeys() ?? []);

    /// <summary>A hash of the run keys and the report's layout (not of labels or data folders, which may differ between machines): shard folders must agree on it before they are merged.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new { Kind, keys = Runs.Select(r => r.Key), Sweep, Study }, AtomicFile.JsonOptions))))[..16];

    /// <summary>The run with this key.</summary>
    public PlannedRun Run(string key) => Runs.First(r => r.Key == key);

    /// <summary>Writes plan.json into <paramref name="dir"/> (atomically; shards writing the same plan write the same bytes).</summary>
    public void Save(string dir) => AtomicFile.WriteJson(Path.Combine(dir, FileName), this);

    /// <summary>Reads plan.json from <paramref name="dir"/>; the error says what is missing.</summary>
    public static ExperimentPlan Load(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{dir} is not an experiment folder: it has no {FileName} (written by `sweep` and `study`)");
        try
        {
            return JsonSerializer.Deserialize<ExperimentPlan>(File.ReadAllText(path), AtomicFile.JsonOptions)
                ?? throw new InvalidDataException($"{path} holds no plan");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid plan: {e.Message}");
        }
    }
}
