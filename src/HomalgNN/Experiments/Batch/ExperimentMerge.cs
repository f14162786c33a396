using HomalgNN.Experiments.Studies;
using HomalgNN.Experiments.Sweeps;

namespace HomalgNN.Experiments.Batch;

/// <summary>What a merge did: the report files written and how many run folders it copied in.</summary>
public sealed record MergeResult(ExperimentPlan Plan, IReadOnlyList<string> Files, int Copied);

/// <summary>
/// Gathers the finished runs of one plan from several experiment folders (the shards of a cluster job) into one folder
/// and writes the report. `sweep` and `study` call it on their own folder at the end, so merged shards give exactly
/// the unsharded result.
/// </summary>
public static class ExperimentMerge
{
    /// <summary>Checks that the folders share a plan, copies runs missing from <paramref name="outDir"/>, and writes the report there.</summary>
    /// <exception cref="InvalidOperationException">The folders hold different plans, or some runs are finished in none of them.</exception>
    public static MergeResult Execute(IReadOnlyList<string> dirs, string outDir)
    {
        if (dirs.Count == 0) throw new ArgumentException("merge needs at least one experiment folder");
        var plan = ExperimentPlan.Load(dirs[0]);
        foreach (var dir in dirs.Skip(1))
            if (ExperimentPlan.Load(dir).Fingerprint != plan.Fingerprint)
                throw new InvalidOperationException($"{dir} holds a different plan from {dirs[0]}: only shards of the same sweep or study can be merged");
        var sources = plan.Runs.ToDictionary(r => r.Key, r => dirs.FirstOrDefault(d => RunFolder.IsFinished(RunFolder.PathOf(d, r), r)));
        var missing = plan.Runs.Where(r => sources[r.Key] is null).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"{missing.Count} of {plan.Runs.Count} runs are not finished in {string.Join(", ", dirs)} (first: {missing[0].Label}, {missing[0].Folder}); run the missing shards, or the same command again");
        Directory.CreateDirectory(outDir);
        int copied = 0;
        foreach (var run in plan.Runs)
        {
            var target = RunFolder.PathOf(outDir, run);
            if (RunFolder.IsFinished(target, run)) continue;
            CopyFolder(RunFolder.PathOf(sources[run.Key]!, run), target);
            copied++;
        }
        plan.Save(outDir);
        var outcomes = plan.Runs.ToDictionary(r => r.Key, r => RunFolder.Load(RunFolder.PathOf(outDir, r), r));
        var files = plan.Kind switch
        {
            ExperimentKind.Sweep => SweepReport.Write(outDir, plan.Sweep ?? throw new InvalidDataException("a sweep plan without its table"), outcomes),
            _ => StudyReport.Write(outDir, plan.Study ?? throw new InvalidDataException("a study plan without its sections"), outcomes),
        };
        return new MergeResult(plan, files, copied);
    }

    /// <summary>Copies into a temporary sibling and renames it into place, so that a killed merge never leaves half a run folder.</summary>
    static void CopyFolder(string from, string to)
    {
        var tmp = $"{to}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).Contains(".tmp-", StringComparison.Ordinal)) continue;
            var dest = Path.Combine(tmp, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        Directory.Move(tmp, to);
    }
}
