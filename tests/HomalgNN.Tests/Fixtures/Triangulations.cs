namespace HomalgNN.Tests.Fixtures;

/// <summary>Facet lists of small triangulated spaces with known homology.</summary>
public static class Triangulations
{
    /// <summary>The boundary of the tetrahedron: a 2-sphere, Betti [1, 0, 1] over any field.</summary>
    public static int[][] TetrahedronBoundary => [[1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]];

    /// <summary>Möbius' 7-vertex torus (14 triangles): Betti [1, 2, 1] over any field.</summary>
    public static int[][] Torus7 =>
    [
        [1, 2, 4], [2, 3, 5], [3, 4, 6], [4, 5, 7], [5, 6, 1], [6, 7, 2], [7, 1, 3],
        [1, 2, 6], [2, 3, 7], [3, 4, 1], [4, 5, 2], [5, 6, 3], [6, 7, 4], [7, 1, 5],
    ];

    /// <summary>The 6-vertex real projective plane (hemi-icosahedron): Betti [1, 0, 0] over Q, [1, 1, 1] over GF(2).</summary>
    public static int[][] ProjectivePlane6 =>
    [
        [1, 2, 3], [1, 3, 4], [1, 4, 5], [1, 5, 6], [1, 6, 2],
        [2, 3, 5], [3, 4, 6], [4, 5, 2], [5, 6, 3], [6, 2, 4],
    ];

    /// <summary>The boundary of the n-simplex on vertices 0..n: an (n-1)-sphere.</summary>
    public static int[][] SimplexBoundary(int n) =>
        Enumerable.Range(0, n + 1).Select(omit => Enumerable.Range(0, n + 1).Where(v => v != omit).ToArray()).ToArray();

    /// <summary>The facets as the text of a facet file, one per line.</summary>
    public static string AsFacetFile(int[][] facets) => string.Join("\n", facets.Select(f => string.Join(" ", f))) + "\n";
}
