using HomalgNN.Cli.Display;
using HomalgNN.Experiments.Batch;
using Spectre.Console;

namespace HomalgNN.Cli.Commands;

/// <summary>What `sweep` and `study` share: save the plan, train this shard's unfinished runs, and merge the folder into its report when every run is there.</summary>
public static class ExperimentExecution
{
    /// <summary>Runs <paramref name="plan"/>'s share for <paramref name="shard"/> into <paramref name="outDir"/>; returns the report files, or none while other shards' runs are missing.</summary>
    public static IReadOnlyList<string> Run(ExperimentPlan plan, string outDir, ShardSpec shard)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"{plan.Kind.ToString().ToLowerInvariant()}: {plan.Runs.Count} runs{(shard.IsWhole ? "" : $", shard {shard} of them")} -> {outDir}"));
        BatchRunner.Execute(plan, outDir, shard, new DataCache(), new ConsoleBatchObserver());
        // A sharded job writes the report only if every run is already here (the last shard on a shared file system).
        var missing = plan.Runs.Count(r => !RunFolder.IsFinished(RunFolder.PathOf(outDir, r), r));
        if (missing > 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"shard {shard} done; {BatchStatus.Runs(missing)} of other shards {(missing == 1 ? "is" : "are")} not in {outDir} yet. When every shard has finished: homalg merge DIR..."));
            return [];
        }
        var merged = ExperimentMerge.Execute([outDir], outDir);
        AnsiConsole.MarkupLine(Markup.Escape($"wrote {string.Join(", ", merged.Files)}"));
        return merged.Files;
    }
}
