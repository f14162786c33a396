using HomalgNN.Experiments.Comparisons;
using HomalgNN.Training;
using Spectre.Console;

namespace HomalgNN.Cli.Display;

/// <summary>
/// Shows a comparison's progress: runs done of all, the current run and the time left. On a terminal, two live bars (all runs;
/// the current run's batches) with a line above them per finished run; otherwise plain lines, one per run start, epoch and end.
/// </summary>
public sealed class CompareProgress : ICompareObserver
{
    readonly IAnsiConsole _console;
    readonly ProgressContext? _live;
    IReadOnlyList<PlannedRun> _plan = [];
    CompareEta? _eta;
    ProgressTask? _overall, _current;
    PlannedRun? _run;
    int _index, _batches;

    CompareProgress(IAnsiConsole console, ProgressContext? live)
    {
        _console = console;
        _live = live;
    }

    /// <summary>Runs <paramref name="work"/> with a progress observer on <paramref name="console"/>: live bars when it is a terminal.</summary>
    public static T Run<T>(IAnsiConsole console, Func<ICompareObserver, T> work) =>
        ConsoleFactory.IsLive(console)
            ? console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx => work(new CompareProgress(console, ctx)))
            : work(new CompareProgress(console, null));

    public void Planned(IReadOnlyList<PlannedRun> runs)
    {
        _plan = runs;
        _eta = new CompareEta(runs);
        int Count(RunAction a) => runs.Count(r => r.Action == a);
        Line($"{runs.Count} runs: {Count(RunAction.Train)} to train, {Count(RunAction.Reuse)} finished earlier (reused), {Count(RunAction.Load)} loaded");
        _overall = _live?.AddTask(OverallText(), maxValue: runs.Count);
    }

    public void RunStarted(int index, PlannedRun run)
    {
        (_index, _run) = (index, run);
        _eta!.Started(index);
        var verb = run.Action switch { RunAction.Train => "training", RunAction.Reuse => "reusing the finished run in", _ => "loading" };
        if (_live is null) Line($"{Label()}: {verb} {run.Folder}");
        // One bar serves every run in turn, so that a long comparison does not stack up finished bars.
        var description = Markup.Escape($"{Label()}: {verb}");
        _current ??= _live?.AddTask(description, maxValue: 1);
        if (_current is not null)
        {
            _current.Description = description;
            _current.Value = 0;
            _current.MaxValue = 1;
        }
        Refresh();
    }

    public void EpochStarted(int epoch, int batches)
    {
        _batches = batches;
        if (_current is not null) _current.MaxValue = Epochs * batches;
    }

    public void BatchFinished(int epoch, int batch, double taskLoss)
    {
        double done = (epoch - 1) * _batches + batch;
        _eta!.Progress(done / (Epochs * _batches));
        if (_current is null) return;
        _current.Value = done;
        _current.Description = Markup.Escape($"{Label()}: epoch {epoch}/{Epochs}  loss {taskLoss:F4}");
        Refresh();
    }

    public void EpochFinished(EpochRecord record)
    {
        if (_live is null) Line(ConsoleTrainingObserver.EpochLine(record, Epochs, $"{Label()}  "));
    }

    public void Measuring(int index, PlannedRun run)
    {
        if (_current is null) return;
        _current.Description = Markup.Escape($"{Label()}: measuring");
        _current.Value = _current.MaxValue;
    }

    public void RunFinished(int index, PlannedRun run, RunMeasurement m)
    {
        _eta!.Finished(index);
        var how = m.TrainSeconds is double t ? $"trained {t:F1} s" : run.Action == RunAction.Reuse ? "reused" : "loaded";
        Line($"{Label()}: test acc {m.TestAccuracy * 100:F2}%, probe {m.ProbeAccuracy * 100:F2}%, entanglement {m.Entanglement:F4}, rank ratio {m.RankRatio:F3} "
            + $"({how}, measured {m.MeasureSeconds:F1} s); {_eta.Done}/{_plan.Count} done, ETA {CompareEta.Format(_eta.Remaining)}");
        if (_overall is not null) _overall.Value = _eta.Done;
        Refresh();
    }

    int Epochs => _run?.Options?.Epochs ?? 1;

    string Label() => $"[{_index + 1}/{_plan.Count}] {_run!.Arm} seed {_run.Seed}";

    string OverallText() => Markup.Escape($"runs {_eta!.Done}/{_plan.Count}, ETA {CompareEta.Format(_eta.Remaining)}");

    void Refresh()
    {
        if (_overall is not null) _overall.Description = OverallText();
    }

    void Line(string text) => _console.MarkupLine(Markup.Escape(text));
}
