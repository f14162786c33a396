namespace HomalgNN.Algebra;

/// <summary>The singular value decomposition of one boundary map d_i : C_{i+1} -> C_i, with its numerical rank.</summary>
/// <param name="SingularValues">Descending, min(n_i, n_{i+1}) of them.</param>
/// <param name="Threshold">Absolute threshold: singular values at or above it count towards the rank.</param>
/// <param name="Kernel">Orthonormal basis of ker d_i as columns (n_{i+1} x nullity).</param>
/// <param name="Image">Orthonormal basis of im d_i as columns (n_i x rank).</param>
/// <param name="Cokernel">Orthonormal basis of the orthogonal complement of im d_i (n_i x (n_i - rank)).</param>
public sealed record MapSpectrum(double[] SingularValues, double Threshold, double[,] Kernel, double[,] Image, double[,] Cokernel)
{
    /// <summary>Numerical rank: the number of singular values at or above the threshold.</summary>
    public int Rank => Image.GetLength(1);

    /// <summary>dim ker d_i = n_{i+1} - rank (rank-nullity), which includes the extra n_{i+1} - n_i of a wide map.</summary>
    public int Nullity => Kernel.GetLength(1);

    /// <summary>How many singular values fall below the threshold (not the nullity: a wide map has more kernel than small values).</summary>
    public int SmallSingularValueCount => SingularValues.Length - Rank;

    /// <summary>The smallest singular value (0 for an empty map).</summary>
    public double MinSingularValue => SingularValues.Length == 0 ? 0 : SingularValues[^1];
}
