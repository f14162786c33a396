using HomalgNN.Data;

namespace HomalgNN.Tests.Data;

public class DatasetLocatorTests
{
    [Fact]
    public void Mnist10k_IsAStratifiedFixedSplitOf8000And2000()
    {
        var split = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);
        Assert.Equal(8000, split.Train.Count);
        Assert.Equal(2000, split.Test.Count);
        for (byte c = 0; c < 10; c++)
        {
            double total = split.Train.Labels.Count(l => l == c) + split.Test.Labels.Count(l => l == c);
            Assert.InRange(split.Train.Labels.Count(l => l == c) / total, 0.79, 0.81);
        }
        var again = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);
        Assert.Equal(split.Train.Labels, again.Train.Labels);
        Assert.Equal(split.Test.Pixels, again.Test.Pixels);
    }

    [Fact]
    public void StratifiedSplit_PartitionsAllIndicesExactly()
    {
        var labels = Enumerable.Range(0, 1003).Select(i => (byte)(i % 7 == 0 ? 0 : i % 3)).ToArray();
        var (a, b) = StratifiedSplit.Indices(labels, 400, 3);
        Assert.Equal(400, a.Length);
        Assert.Equal(Enumerable.Range(0, 1003), a.Concat(b).OrderBy(i => i));
    }

    [Fact]
    public void ExplicitDataDir_IsTheOnlyRootSearched()
    {
        var empty = TestPaths.NewTempFolder();
        Assert.Equal([empty], DatasetLocator.SearchRoots(empty));
        var e = Assert.Throws<DataNotFoundException>(() => DatasetLocator.DefaultDataset(empty));
        Assert.Contains(empty, e.Message);
        Assert.Contains("homalg data download", e.Message);
    }

    [Fact]
    public void MissingNamedDataset_SaysItWasNotFound()
    {
        var empty = TestPaths.NewTempFolder();
        var e = Assert.Throws<DataNotFoundException>(() => DatasetLocator.Load(DatasetCatalog.Mnist10k, empty));
        Assert.StartsWith($"data set 'mnist-10k' not found in {empty}.", e.Message);
    }

    [Fact]
    public void FilesInMnistSubfolder_AreFoundAsMnist10k()
    {
        var root = TestPaths.NewTempFolder();
        IdxFixtures.WriteTestPair(Path.Combine(root, "mnist"), 20);
        Assert.Equal("mnist-10k", DatasetLocator.DefaultDataset(root).Name);
        Assert.Equal(Path.Combine(root, "mnist"), DatasetLocator.FindFolder(DatasetCatalog.Mnist10k, root));
        Assert.Null(DatasetLocator.FindFolder(DatasetCatalog.Mnist, root));
    }

    [Fact]
    public void UnknownDatasetName_ListsTheAllowedOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetCatalog.Get("cifar"));
        Assert.Contains("mnist, fashion-mnist, mnist-10k", e.Message);
    }
}
