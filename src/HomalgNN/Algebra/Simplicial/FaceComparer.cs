namespace HomalgNN.Algebra.Simplicial;

/// <summary>Equality and lexicographic order of faces given as sorted vertex-index arrays.</summary>
internal sealed class FaceComparer : IEqualityComparer<int[]>, IComparer<int[]>
{
    public static FaceComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] face)
    {
        var hash = new HashCode();
        foreach (int v in face) hash.Add(v);
        return hash.ToHashCode();
    }

    public int Compare(int[]? x, int[]? y) => x is null || y is null
        ? Comparer<int[]?>.Default.Compare(x, y)
        : x.AsSpan().SequenceCompareTo(y);
}
