using HomalgNN.Experiments.Batch;

namespace HomalgNN.Cli.Display;

/// <summary>The one-line state of a multi-run experiment: runs done / total, the current run, the ETA.</summary>
public static class BatchStatus
{
    /// <summary>"1 run", "3 runs".</summary>
    public static string Runs(long n) => n == 1 ? "1 run" : $"{n} runs";

    /// <summary>e.g. "run 4/12 (3 done, 2 skipped) lambda=0.5 seed=1, ETA 12m 30s".</summary>
    public static string Line(BatchProgress p) =>
        $"run {p.Done + 1}/{p.Total} ({p.Done} done, {p.Skipped} skipped) {p.Current?.Label}, ETA {Duration(p.Eta)}";

    /// <summary>"1h 02m", "12m 30s", "45s", or "?" before the first epoch.</summary>
    public static string Duration(TimeSpan? t) => t switch
    {
        null => "?",
        { TotalHours: >= 1 } h => $"{(int)h.TotalHours}h {h.Minutes:D2}m",
        { TotalMinutes: >= 1 } m => $"{(int)m.TotalMinutes}m {m.Seconds:D2}s",
        var s => $"{(int)Math.Ceiling(s.Value.TotalSeconds)}s",
    };
}
