namespace HomalgNN.Experiments.Sweeps;

/// <summary>A sweep's table: the flags that vary (its first columns, in order) and its grid points (its rows).</summary>
/// <param name="Axes">Flag names without dashes, e.g. "lambda", "dims".</param>
/// <param name="Points">One per row, in grid order (the first axis varies slowest).</param>
public sealed record SweepPlan(IReadOnlyList<string> Axes, IReadOnlyList<SweepPoint> Points)
{
    /// <summary>Every run the table reads.</summary>
    public IEnumerable<string> RunKeys() => Points.SelectMany(p => p.RunKeys);
}

/// <summary>One grid point: each varying flag's value as written, and its runs, one per seed.</summary>
public sealed record SweepPoint(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> RunKeys)
{
    /// <summary>"lambda=0.1, dims=16,32,64,32,16": names the row in verdicts.</summary>
    public string Label(IReadOnlyList<string> axes) => axes.Count == 0 ? "all runs" : string.Join(", ", axes.Select(a => $"{a}={Values[a]}"));
}
