namespace HomalgNN.Analysis.Metrics;

/// <summary>Seeded stratified k-fold assignment: every fold gets floor or ceil of n_c / k members of each class c.</summary>
public static class StratifiedFolds
{
    /// <summary>
    /// The fold (0..folds-1) of each sample. Each class's members are shuffled with a <see cref="Random"/> of the
    /// given seed (classes in ascending order), the classes are concatenated, and position p goes to fold p mod k;
    /// a class's members are thus dealt round-robin, and fold sizes differ by at most one.
    /// </summary>
    public static int[] Assign(IReadOnlyList<int> classes, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (folds < 2 || folds > classes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), $"Need 2 <= folds <= samples ({classes.Count}), got {folds}.");
        }

        var random = new Random(seed);
        var foldOf = new int[classes.Count];
        var position = 0;
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var sample in members)
            {
                foldOf[sample] = position++ % folds;
            }
        }

        return foldOf;
    }
}
