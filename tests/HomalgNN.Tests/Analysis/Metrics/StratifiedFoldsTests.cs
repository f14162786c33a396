using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class StratifiedFoldsTests
{
    [Fact]
    public void Assign_EachFoldGetsItsShareOfEachClass()
    {
        // 23 of class 0, 12 of class 1, 7 of class 2 over 5 folds: each fold holds 4-5, 2-3 and 1-2 of them.
        var classes = Enumerable.Repeat(0, 23).Concat(Enumerable.Repeat(1, 12)).Concat(Enumerable.Repeat(2, 7)).ToArray();

        var folds = StratifiedFolds.Assign(classes, 5, 42);

        foreach (var (c, size) in new[] { (0, 23), (1, 12), (2, 7) })
        {
            for (var f = 0; f < 5; f++)
            {
                var count = Enumerable.Range(0, classes.Length).Count(i => classes[i] == c && folds[i] == f);
                Assert.InRange(count, size / 5, (size + 4) / 5);
            }
        }

        var sizes = Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void Assign_SameSeedSameFolds_OtherSeedOtherFolds()
    {
        var classes = Enumerable.Range(0, 100).Select(i => i % 3).ToArray();

        Assert.Equal(StratifiedFolds.Assign(classes, 5, 1), StratifiedFolds.Assign(classes, 5, 1));
        Assert.NotEqual(StratifiedFolds.Assign(classes, 5, 1), StratifiedFolds.Assign(classes, 5, 2));
    }

    [Fact]
    public void Assign_MoreFoldsThanSamples_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign([0, 1, 0], 5, 1));
    }
}
