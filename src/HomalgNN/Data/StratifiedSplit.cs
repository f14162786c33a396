namespace HomalgNN.Data;

/// <summary>A seeded split of labelled items into two parts with every class in the same proportion (largest remainders).</summary>
public static class StratifiedSplit
{
    /// <summary>Indices of a first part of exactly <paramref name="firstCount"/> items and of the rest; deterministic in <paramref name="seed"/>.</summary>
    public static (int[] First, int[] Second) Indices(byte[] labels, int firstCount, int seed)
    {
        if (firstCount < 0 || firstCount > labels.Length)
            throw new ArgumentOutOfRangeException(nameof(firstCount), $"cannot take {firstCount} of {labels.Length} items");
        var rng = new Random(seed);
        var byClass = labels.Select((l, i) => (l, i)).GroupBy(p => p.l).OrderBy(g => g.Key)
            .Select(g => Shuffle(g.Select(p => p.i).ToArray(), rng)).ToArray();
        double fraction = (double)firstCount / labels.Length;
        var quota = byClass.Select(c => (int)Math.Floor(c.Length * fraction)).ToArray();
        int missing = firstCount - quota.Sum();
        foreach (var c in Enumerable.Range(0, byClass.Length)
                     .OrderByDescending(c => byClass[c].Length * fraction - quota[c]).ThenBy(c => c).Take(missing))
            quota[c]++;
        var first = new List<int>(firstCount);
        var second = new List<int>(labels.Length - firstCount);
        for (int c = 0; c < byClass.Length; c++)
        {
            first.AddRange(byClass[c].Take(quota[c]));
            second.AddRange(byClass[c].Skip(quota[c]));
        }
        // Shuffle each part again so that it is not ordered by class.
        return (Shuffle(first.ToArray(), rng), Shuffle(second.ToArray(), rng));
    }

    static int[] Shuffle(int[] a, Random rng)
    {
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }
}
