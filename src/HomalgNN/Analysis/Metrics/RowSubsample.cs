namespace HomalgNN.Analysis.Metrics;

/// <summary>Seeded choice of rows without replacement, so a metric on a subsample is reproducible.</summary>
internal static class RowSubsample
{
    /// <summary>
    /// <paramref name="count"/> distinct row indices out of <paramref name="total"/>, ascending, drawn by a partial
    /// Fisher-Yates shuffle driven by <see cref="Random"/> with the given seed (its seeded sequence is stable
    /// across .NET versions).
    /// </summary>
    public static int[] Choose(int total, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        var order = Enumerable.Range(0, total).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, total);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var chosen = order[..count];
        Array.Sort(chosen);
        return chosen;
    }
}
