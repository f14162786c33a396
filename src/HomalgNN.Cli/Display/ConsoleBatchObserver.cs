using HomalgNN.Experiments.Batch;
using HomalgNN.Training;
using Spectre.Console;

namespace HomalgNN.Cli.Display;

/// <summary>Prints a multi-run experiment's progress: a line per run (runs done / total, ETA), the runs' epoch lines, and a batch bar when interactive.</summary>
public sealed class ConsoleBatchObserver : IBatchObserver
{
    public void BatchStarted(BatchProgress p) =>
        Line($"{BatchStatus.Runs(p.Total)} in this shard: {p.Skipped} finished already, {p.Pending} to train ({p.EpochsTotal} epochs)");

    public void RunSkipped(PlannedRun run) => Line($"skip {run.Label}: finished in {RunFolder.RelativePath(run)}");

    public ITrainingObserver RunStarted(PlannedRun run, BatchProgress p)
    {
        Line($"{BatchStatus.Line(p)} -> {RunFolder.RelativePath(run)}");
        return new ConsoleTrainingObserver(run.Options.Epochs, $"[{p.Done + 1}/{p.Total}] ", p);
    }

    public void RunFinished(PlannedRun run, RunResult result, BatchProgress p)
    {
        var f = result.Final!;
        Line($"finished {run.Label}: test acc {f.TestAccuracy * 100:F2}%, betti {(f.Betti is null ? "-" : $"[{string.Join(",", f.Betti)}]")}, {result.TotalSeconds:F1} s; {p.Done}/{p.Total} done, ETA {BatchStatus.Duration(p.Eta)}");
    }

    public void BatchFinished(BatchProgress p) =>
        Line($"trained {BatchStatus.Runs(p.Trained)} in {BatchStatus.Duration(p.Elapsed)}, skipped {p.Skipped}");

    static void Line(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));
}
