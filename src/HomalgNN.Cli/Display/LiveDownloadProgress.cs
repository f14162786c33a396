using HomalgNN.Data;
using HomalgNN.Data.Download;
using Spectre.Console;

namespace HomalgNN.Cli.Display;

/// <summary>Shows a download as one Spectre.Console progress bar per file (bytes, speed, ETA), with faults printed above the bars.</summary>
public sealed class LiveDownloadProgress(IAnsiConsole console, ProgressContext context) : IDownloadProgress
{
    readonly Dictionary<string, ProgressTask> _tasks = [];

    /// <summary>Runs <paramref name="work"/> under a live progress display on <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IDownloadProgress, Task<T>> work) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(ctx => work(new LiveDownloadProgress(console, ctx)));

    public void Skipped(FileVerification existing)
    {
        var task = Task(existing.Resource, 1);
        task.Description = $"[green]present[/] {Markup.Escape(existing.Resource.FileName)}";
        task.Value = task.MaxValue;
    }

    public void Replacing(FileVerification existing) =>
        console.MarkupLine($"[yellow]invalid[/] {Markup.Escape($"{existing.Path}: {existing.Detail}")}; fetching it again");

    public void Started(IdxResource resource, Uri url, long offset, long? totalBytes)
    {
        var task = Task(resource, totalBytes ?? 1);
        task.IsIndeterminate = totalBytes == null;
        task.Description = Markup.Escape(resource.FileName + ".gz");
        task.Value = offset;
    }

    public void Advanced(IdxResource resource, long received) => Task(resource, null).Value = received;

    public void Failed(IdxResource resource, Uri url, string fault) =>
        console.MarkupLine($"[yellow]rejected[/] {Markup.Escape($"{url}: {fault}")}");

    public void Completed(FileVerification verification, Uri url)
    {
        var task = Task(verification.Resource, null);
        task.Description = $"[green]verified[/] {Markup.Escape(verification.Resource.FileName)}";
        task.Value = task.MaxValue;
    }

    ProgressTask Task(IdxResource resource, double? maxValue)
    {
        if (!_tasks.TryGetValue(resource.FileName, out var task))
            _tasks[resource.FileName] = task = context.AddTask(Markup.Escape(resource.FileName), maxValue: maxValue ?? 1);
        else if (maxValue is double max)
            task.MaxValue = max;
        return task;
    }
}
