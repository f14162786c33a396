using HomalgNN.Cli.Display;
using HomalgNN.Experiments.Batch;
using HomalgNN.Training;
using Spectre.Console;

namespace HomalgNN.Cli;

/// <summary>Draws a progress bar per epoch (when the terminal is interactive) and prints one line per finished epoch.</summary>
/// <param name="batchProgress">The multi-run experiment this run belongs to, if any: adds its bar (runs, ETA) above the epoch's, and its ETA to each epoch line.</param>
public sealed class ConsoleTrainingObserver(int totalEpochs, string? label = null, BatchProgress? batchProgress = null) : ITrainingObserver
{
    ProgressTask? _task;
    ProgressContext? _context;
    Action? _finish;

    public void Resumed(int epochsDone, int epochs) =>
        AnsiConsole.MarkupLine(Markup.Escape($"{label}resuming after epoch {epochsDone}/{epochs} from {Checkpoint.FileName} (same settings, same numbers as an uninterrupted run)"));

    public void EpochStarted(int epoch, int batches)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive) return;
        // Each epoch gets its own live display, closed before its summary line is printed.
        var started = new ManualResetEventSlim();
        var done = new ManualResetEventSlim();
        var thread = new Thread(() => AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                _context = ctx;
                if (batchProgress != null)
                    ctx.AddTask(Markup.Escape(BatchStatus.Line(batchProgress)), maxValue: Math.Max(1, batchProgress.EpochsTotal)).Value = batchProgress.EpochsDone;
                _task = ctx.AddTask(Markup.Escape($"{label}epoch {epoch}/{totalEpochs}"), maxValue: batches);
                started.Set();
                done.Wait();
            }));
        thread.Start();
        started.Wait();
        _finish = () => { done.Set(); thread.Join(); };
    }

    public void BatchFinished(int epoch, int batch, double taskLoss)
    {
        if (_task is null) return;
        _task.Value = batch;
        // Descriptions are markup: a label like "[1/2] " must be escaped.
        _task.Description = Markup.Escape($"{label}epoch {epoch}/{totalEpochs}  loss {taskLoss:F4}");
    }

    public void EpochFinished(EpochRecord r)
    {
        _finish?.Invoke();
        _finish = null; _task = null; _context = null;
        var eta = batchProgress is null ? "" : $"  (ETA {BatchStatus.Duration(batchProgress.Eta)})";
        AnsiConsole.MarkupLine(Markup.Escape(EpochLine(r, totalEpochs, label) + eta));
    }

    /// <summary>The one-line account of a finished epoch that every training command prints.</summary>
    public static string EpochLine(EpochRecord r, int totalEpochs, string? label = null)
    {
        var betti = r.Betti is null ? "-" : $"[{string.Join(",", r.Betti)}]";
        return $"{label}epoch {r.Epoch,3}/{totalEpochs}  task {r.TaskLoss:F4}  exactness {r.ExactnessLoss:F4}  chain-axiom {r.ChainAxiomLoss:G4}  test acc {r.TestAccuracy * 100:F2}%  betti {betti}  {r.Seconds:F1} s";
    }
}
