using System.Globalization;

namespace HomalgNN.Experiments.Batch;

/// <summary>One of N parts of an experiment's run list (`--shard i/N`, i from 1): the runs whose position in the canonical list is i - 1 modulo N.</summary>
/// <remarks>Positions, not hashes, decide: every shard of the same plan sees the same list, so the parts are disjoint, cover it, and differ in size by at most one run.</remarks>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole list (1/1).</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Whether this is the whole list.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>Parses "i/N" with 1 &lt;= i &lt;= N; the error names the flag.</summary>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i >= 1 && i <= n)
            return new ShardSpec(i, n);
        throw new ArgumentException($"--shard must be i/N with 1 <= i <= N (e.g. 2/4), got '{text}'");
    }

    /// <summary>Whether the run at 0-based <paramref name="position"/> of the canonical list belongs to this shard.</summary>
    public bool Includes(int position) => position % Count == Index - 1;

    /// <summary>The runs of this shard, in list order.</summary>
    public IEnumerable<T> Select<T>(IEnumerable<T> runs) => runs.Where((_, position) => Includes(position));

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
