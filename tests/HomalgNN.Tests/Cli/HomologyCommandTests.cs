using System.Text.Json;
using HomalgNN.Algebra.Npy;
using HomalgNN.Tests.Fixtures;
using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class HomologyCommandTests
{
    [Fact]
    public void Facets_Torus_PrintsBettiFacesAndEuler()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("torus.txt", "# Möbius torus\n" + Triangulations.AsFacetFile(Triangulations.Torus7));
        CliCapture.Result r = CliCapture.Run("homology", "--facets", path);
        r.AssertSucceeded();
        Assert.Contains("Betti numbers: [1, 2, 1]", r.Out);
        Assert.Contains("Euler characteristic: 0", r.Out);
        Assert.Contains("21", r.Out); // edges in the table
    }

    [Fact]
    public void Facets_ProjectivePlaneJson_FieldMatters()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("rp2.txt", Triangulations.AsFacetFile(Triangulations.ProjectivePlane6));
        foreach ((string field, int[] betti) in new[] { ("Q", new[] { 1, 0, 0 }), ("GF2", new[] { 1, 1, 1 }), ("GF(3)", new[] { 1, 0, 0 }) })
        {
            CliCapture.Result r = CliCapture.Run("homology", "--facets", path, "--field", field, "--json");
            r.AssertSucceeded();
            using JsonDocument json = JsonDocument.Parse(r.Out);
            Assert.Equal(betti, json.RootElement.GetProperty("bettiNumbers").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal([6, 15, 10], json.RootElement.GetProperty("faces").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(1, json.RootElement.GetProperty("eulerCharacteristic").GetInt64());
        }
    }

    [Fact]
    public void Facets_Malformed_OneRedLineNamingFileAndLine()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("bad.txt", "1 2 3\n2 3 2\n");
        CliCapture.Result r = CliCapture.Run("homology", "--facets", path);
        r.AssertOneLineError($"{path}, line 2: vertex '2' appears twice", exitCode: 1);
    }

    [Fact]
    public void Facets_EmptyOrMissing_FailWithOneLine()
    {
        using var folder = new ScratchFolder();
        foreach (string path in new[] { folder.WriteText("empty.txt", "# only a comment\n"), folder.PathOf("missing.txt") })
        {
            CliCapture.Result r = CliCapture.Run("homology", "--facets", path);
            r.AssertOneLineError(path, exitCode: 1);
        }
    }

    [Fact]
    public void Field_NotPrime_FailsNamingP()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteText("s2.txt", Triangulations.AsFacetFile(Triangulations.TetrahedronBoundary));
        CliCapture.Result r = CliCapture.Run("homology", "--facets", path, "--field", "GF9");
        r.AssertOneLineError("p = 9 is not prime");
    }

    [Fact]
    public void FacetsAndMaps_Together_AreAUsageError()
    {
        CliCapture.Result r = CliCapture.Run("homology", "--facets", "x.txt", "--maps", "a.npy");
        r.AssertOneLineError("exactly one of --facets", exitCode: 2);
    }

    [Fact]
    public void Maps_IntegerChainComplex_ReportsExactHomology()
    {
        using var folder = new ScratchFolder();
        // The tetrahedron boundary's ∂_1, ∂_2 written as maps d_0, d_1 (one as int64, one as float64 with whole numbers).
        var sphere = HomalgNN.Algebra.Simplicial.SimplicialComplex.FromFacets(Triangulations.TetrahedronBoundary);
        NpyWriter.Write(folder.PathOf("d0.npy"), sphere.BoundaryMatrix(1).ToArray());
        NpyWriter.Write(folder.PathOf("d1.npy"), sphere.BoundaryMatrix(2).ToDoubleArray(), fortranOrder: true);
        CliCapture.Result r = CliCapture.Run("homology", "--maps", $"{folder.PathOf("d0.npy")},{folder.PathOf("d1.npy")}", "--json");
        r.AssertSucceeded();
        using JsonDocument json = JsonDocument.Parse(r.Out);
        var exact = json.RootElement.GetProperty("exact");
        Assert.True(exact.GetProperty("chainAxiom").GetBoolean());
        Assert.Equal([1, 0, 1], exact.GetProperty("bettiNumbers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0, 1], exact.GetProperty("studyBettiNumbers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([3, 3], exact.GetProperty("ranks").EnumerateArray().Select(e => e.GetInt32()));
        // The numerical route agrees on the same matrices.
        var numeric = json.RootElement.GetProperty("numeric");
        Assert.Equal([1, 0, 1], numeric.GetProperty("homology").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([3, 3], numeric.GetProperty("ranks").EnumerateArray().Select(e => e.GetInt32()));

        CliCapture.Result table = CliCapture.Run("homology", "--maps", $"{folder.PathOf("d0.npy")},{folder.PathOf("d1.npy")}");
        table.AssertSucceeded();
        Assert.Contains("Betti numbers at C_0..C_2 [1, 0, 1]", table.Out);
        Assert.Contains("Homology at C_0..C_2: [1, 0, 1]", table.Out);
    }

    [Fact]
    public void Maps_NotAChainComplex_ReportsStudyVectorOnly()
    {
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("a.npy"), new long[,] { { 1, 0 } });
        NpyWriter.Write(folder.PathOf("b.npy"), new long[,] { { 1 }, { 1 } });
        CliCapture.Result r = CliCapture.Run("homology", "--maps", $"{folder.PathOf("a.npy")},{folder.PathOf("b.npy")}");
        r.AssertSucceeded();
        Assert.Contains("Study Betti numbers (H at C_1..C_2): [1, 0]", r.Out);
        Assert.Contains("d_0 d_1 != 0", r.Out);
    }

    [Fact]
    public void Maps_MismatchedShapes_OneLineNamingBothMaps()
    {
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("a.npy"), new long[3, 5]);
        NpyWriter.Write(folder.PathOf("b.npy"), new long[4, 2]);
        CliCapture.Result r = CliCapture.Run("homology", "--maps", $"{folder.PathOf("a.npy")},{folder.PathOf("b.npy")}");
        r.AssertOneLineError("has 5 columns but map 2", exitCode: 1);
    }

    [Fact]
    public void Maps_BadHeader_OneLineNamingFile()
    {
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("good.npy"), new long[2, 2]);
        byte[] bytes = File.ReadAllBytes(folder.PathOf("good.npy"));
        string text = System.Text.Encoding.ASCII.GetString(bytes);
        int at = text.IndexOf("'shape'", StringComparison.Ordinal);
        "'shXpe'"u8.CopyTo(bytes.AsSpan(at)); // same length, so only the header's content is wrong
        string bad = folder.WriteBytes("bad.npy", bytes);
        CliCapture.Result r = CliCapture.Run("homology", "--maps", bad);
        r.AssertOneLineError($"{bad}: bad header", exitCode: 1);
    }

    [Fact]
    public void Maps_NonInteger_AreReportedNumerically()
    {
        // 0 -> R -> R^2 -> R -> 0 with d_0 = [0.5 1], d_1 = [2; -1]: d_0 d_1 = 0, injective and surjective, so exact.
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("a.npy"), new double[,] { { 0.5, 1 } });
        NpyWriter.Write(folder.PathOf("b.npy"), new double[,] { { 2 }, { -1 } });
        CliCapture.Result r = CliCapture.Run("homology", "--maps", $"{folder.PathOf("a.npy")},{folder.PathOf("b.npy")}", "--epsilon", "1e-3");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Study Betti numbers (H at C_1..C_2): [0, 0]", r.Out);
        Assert.Contains("Homology at C_0..C_2: [0, 0, 0]", r.Out);
        Assert.DoesNotContain("Exact over", r.Out);
    }

    [Fact]
    public void Epsilon_NotPositive_IsAUsageError()
    {
        CliCapture.Result r = CliCapture.Run("homology", "--maps", "a.npy", "--epsilon", "0");
        r.AssertOneLineError("--epsilon", exitCode: 2);
    }
}
