using HomalgNN.Training;
using Spectre.Console;

namespace HomalgNN.Cli;

/// <summary>Draws a progress bar per epoch (when the terminal is interactive) and prints one line per finished epoch.</summary>
public sealed class ConsoleTrainingObserver(int totalEpochs, string? label = null) : ITrainingObserver
{
    ProgressTask? _task;
    ProgressContext? _context;
    Action? _finish;

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
                _task = ctx.AddTask($"{label}epoch {epoch}/{totalEpochs}", maxValue: batches);
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
        _task.Description = $"{label}epoch {epoch}/{totalEpochs}  loss {taskLoss:F4}";
    }

    public void EpochFinished(EpochRecord r)
    {
        _finish?.Invoke();
        _finish = null; _task = null; _context = null;
        AnsiConsole.MarkupLine(Markup.Escape(EpochLine(r, totalEpochs, label)));
    }

    /// <summary>The one-line account of a finished epoch that every training command prints.</summary>
    public static string EpochLine(EpochRecord r, int totalEpochs, string? label = null)
    {
        var betti = r.Betti is null ? "-" : $"[{string.Join(",", r.Betti)}]";
        return $"{label}epoch {r.Epoch,3}/{totalEpochs}  task {r.TaskLoss:F4}  exactness {r.ExactnessLoss:F4}  chain-axiom {r.ChainAxiomLoss:G4}  test acc {r.TestAccuracy * 100:F2}%  betti {betti}  {r.Seconds:F1} s";
    }
}
