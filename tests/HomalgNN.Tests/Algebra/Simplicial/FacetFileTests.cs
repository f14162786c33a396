using HomalgNN.Algebra.Exact;
using HomalgNN.Algebra.Simplicial;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra.Simplicial;

public class FacetFileTests
{
    [Fact]
    public void Read_CommentsAndBlankLines_AreIgnored()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("circle.txt", "# a circle\n\n a b   # first edge\nb\tc\n\nc a\n   # done\n");
        SimplicialComplex circle = FacetFile.Read(path);
        Assert.Equal([3, 3], circle.FaceCounts);
        Assert.Equal([1, 1], circle.Homology(CoefficientField.Q).BettiNumbers);
    }

    [Fact]
    public void Read_RepeatedVertex_NamesFileAndLine()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("bad.txt", "# header\n1 2 3\n4 5 4\n");
        var e = Assert.Throws<InvalidDataException>(() => FacetFile.Read(path));
        Assert.Equal($"{path}, line 3: vertex '4' appears twice in one facet", e.Message);
    }

    [Fact]
    public void Read_NoFacets_NamesFile()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("empty.txt", "# nothing here\n\n   \n");
        var e = Assert.Throws<InvalidDataException>(() => FacetFile.Read(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains("no facets", e.Message);
        Assert.Throws<InvalidDataException>(() => FacetFile.Read(folder.WriteText("zero.txt", "")));
    }

    [Fact]
    public void Read_MissingFile_IsInvalidDataNamingFile()
    {
        using var folder = new ScratchFolder();
        string path = folder.PathOf("absent.txt");
        var e = Assert.Throws<InvalidDataException>(() => FacetFile.Read(path));
        Assert.StartsWith(path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_TooLargeFacet_NamesLine()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("huge.txt", "1 2\n" + string.Join(" ", Enumerable.Range(0, 21)) + "\n");
        Assert.Contains("line 2", Assert.Throws<InvalidDataException>(() => FacetFile.Read(path)).Message);
    }
}
