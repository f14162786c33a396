using HomalgNN.Algebra.Exact;
using HomalgNN.Algebra.Simplicial;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra.Simplicial;

public class SimplicialComplexTests
{
    public static TheoryData<string, int[][], int[], long> KnownSpaces => new()
    {
        { "Q", Triangulations.TetrahedronBoundary, [1, 0, 1], 2 },
        { "GF2", Triangulations.TetrahedronBoundary, [1, 0, 1], 2 },
        { "Q", Triangulations.Torus7, [1, 2, 1], 0 },
        { "GF2", Triangulations.Torus7, [1, 2, 1], 0 },
        { "Q", Triangulations.ProjectivePlane6, [1, 0, 0], 1 },
        { "GF3", Triangulations.ProjectivePlane6, [1, 0, 0], 1 },
        { "GF2", Triangulations.ProjectivePlane6, [1, 1, 1], 1 },
    };

    [Theory]
    [MemberData(nameof(KnownSpaces))]
    public void Homology_KnownTriangulations_GiveKnownBettiNumbers(string field, int[][] facets, int[] betti, long euler)
    {
        SimplicialComplex complex = SimplicialComplex.FromFacets(facets);
        HomologyResult h = complex.Homology(CoefficientField.Parse(field));
        Assert.Equal(betti, h.BettiNumbers);
        Assert.Equal(euler, complex.EulerCharacteristic);
        Assert.Equal(euler, h.BettiNumbers.Select((b, q) => q % 2 == 0 ? (long)b : -b).Sum());
    }

    [Fact]
    public void FaceCounts_Torus_Are7_21_14()
    {
        SimplicialComplex torus = SimplicialComplex.FromFacets(Triangulations.Torus7);
        Assert.Equal([7, 21, 14], torus.FaceCounts);
        Assert.Equal(2, torus.Dimension);
        Assert.True(torus.ToChainComplex().SatisfiesChainAxiom(CoefficientField.Q));
    }

    [Fact]
    public void BoundaryMatrix_Triangle_HasAlternatingSigns()
    {
        SimplicialComplex triangle = SimplicialComplex.FromFacets(new[] { new[] { "a", "b", "c" } });
        Assert.Equal([[0, 1], [0, 2], [1, 2]], triangle.Faces(1).Select(f => f.ToArray()).ToArray());
        IntegerMatrix d2 = triangle.BoundaryMatrix(2);
        // ∂[a,b,c] = [b,c] - [a,c] + [a,b], rows ordered [a,b], [a,c], [b,c]
        Assert.Equal(new long[,] { { 1 }, { -1 }, { 1 } }, d2.ToArray());
        IntegerMatrix d1 = triangle.BoundaryMatrix(1);
        Assert.Equal(new long[,] { { -1, -1, 0 }, { 1, 0, -1 }, { 0, 1, 1 } }, d1.ToArray());
        Assert.Equal([1, 0, 0], triangle.Homology(CoefficientField.Q).BettiNumbers);
    }

    [Fact]
    public void Vertices_IntegerLabels_SortNumerically()
    {
        SimplicialComplex c = SimplicialComplex.FromFacets(new[] { new[] { "10", "9" }, new[] { "2", "10" } });
        Assert.Equal(["2", "9", "10"], c.Vertices);
        Assert.Equal([1, 0], c.Homology(CoefficientField.Q).BettiNumbers);
    }

    [Fact]
    public void Points_AndDuplicateFacets_CountOnce()
    {
        SimplicialComplex points = SimplicialComplex.FromFacets(new[] { new[] { "x" }, new[] { "y" }, new[] { "x" } });
        Assert.Equal(0, points.Dimension);
        Assert.Equal([2], points.Homology(CoefficientField.Q).BettiNumbers);
    }

    [Fact]
    public void FromFacets_RepeatedVertexOrNoFacets_Throws()
    {
        Assert.Contains("repeats vertex 'a'", Assert.Throws<ArgumentException>(() =>
            SimplicialComplex.FromFacets(new[] { new[] { "a", "b", "a" } })).Message);
        Assert.Throws<ArgumentException>(() => SimplicialComplex.FromFacets(Array.Empty<string[]>()));
    }

    [Fact]
    public void BoundaryMatrix_DegreeOutOfRange_Throws()
    {
        SimplicialComplex torus = SimplicialComplex.FromFacets(Triangulations.Torus7);
        Assert.Throws<ArgumentOutOfRangeException>(() => torus.BoundaryMatrix(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => torus.BoundaryMatrix(3));
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("GF2")]
    public void Homology_BoundaryOfTenSimplex_IsNineSphere(string field)
    {
        SimplicialComplex sphere = SimplicialComplex.FromFacets(Triangulations.SimplexBoundary(10));
        int[] expected = new int[10];
        expected[0] = expected[9] = 1;
        Assert.Equal(expected, sphere.Homology(CoefficientField.Parse(field)).BettiNumbers);
        Assert.Equal(0, sphere.EulerCharacteristic); // chi(S^9) = 1 + (-1)^9
    }
}
