using HomalgNN.Algebra.Exact;

namespace HomalgNN.Algebra.Npy;

/// <summary>Boundary maps d_0..d_{k-1} read from .npy files in order, checked to compose (columns of d_i = rows of d_{i+1}).</summary>
public sealed class BoundaryMapFiles
{
    private readonly NpyArray[] _arrays;

    private BoundaryMapFiles(NpyArray[] arrays, int[] dimensions)
    {
        _arrays = arrays;
        Dimensions = dimensions;
    }

    /// <summary>
    /// Reads every file (each must hold a 2-D array). Maps that do not compose throw InvalidDataException, e.g.
    /// "map 1 (a.npy, d_0) has 5 columns but map 2 (b.npy, d_1) has 4 rows".
    /// </summary>
    public static BoundaryMapFiles Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0) throw new ArgumentException("no map files given");
        NpyArray[] arrays = paths.Select(NpyReader.Read).ToArray();
        foreach (NpyArray a in arrays)
            if (a.Shape.Count != 2)
                throw new InvalidDataException($"{a.Source}: expected a 2-D array (a boundary matrix), got shape ({string.Join(", ", a.Shape)})");
        for (int i = 0; i + 1 < arrays.Length; i++)
            if (arrays[i].Shape[1] != arrays[i + 1].Shape[0])
                throw new InvalidDataException(
                    $"map {i + 1} ({arrays[i].Source}, d_{i}) has {arrays[i].Shape[1]} columns but map {i + 2} ({arrays[i + 1].Source}, d_{i + 1}) has {arrays[i + 1].Shape[0]} rows; d_i : C_{{i+1}} -> C_i needs them equal");
        int[] dims = arrays.Select(a => a.Shape[0]).Append(arrays[^1].Shape[1]).ToArray();
        return new BoundaryMapFiles(arrays, dims);
    }

    /// <summary>The files, in map order.</summary>
    public IReadOnlyList<string> Paths => _arrays.Select(a => a.Source).ToArray();

    /// <summary>n_0..n_k read off the shapes.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>d_0..d_{k-1} as float64 matrices (fresh copies).</summary>
    public IReadOnlyList<double[,]> Matrices => _arrays.Select(a => a.ToMatrix()).ToArray();

    /// <summary>The maps as exact integer matrices when every entry of every map is a whole number; otherwise null.</summary>
    public IReadOnlyList<IntegerMatrix>? TryIntegerMatrices()
    {
        var result = new IntegerMatrix[_arrays.Length];
        for (int i = 0; i < _arrays.Length; i++)
        {
            if (!_arrays[i].TryGetIntegerMatrix(out long[,] m)) return null;
            result[i] = new IntegerMatrix(m);
        }
        return result;
    }
}
