using TorchSharp;

namespace HomalgNN.Algebra;

/// <summary>
/// The singular value decomposition of one boundary map d_i : C_{i+1} -> C_i with its numerical rank; the bases are
/// computed when first asked for.
/// </summary>
/// <remarks>
/// Why lazily: Betti numbers and defects need the kernels of every map but the top one, the images of every map but the
/// first, and every rank. The top map is the largest (128 x 256 in the study) and only its singular values and image
/// are used, so it gets singular values alone (from its Gram matrix where that is safe) unless a basis is asked for; an
/// image that is the whole codomain (full row rank) is spanned by the identity, a kernel of a map with full column rank is
/// empty, and neither needs vectors.
/// </remarks>
public sealed class MapSpectrum
{
    readonly double[,] _map;
    double[,]? _kernel, _image, _cokernel;

    internal MapSpectrum(double[,] map, Tolerance tolerance, bool withVectors)
    {
        _map = map;
        Rows = map.GetLength(0);
        Columns = map.GetLength(1);
        using var scope = torch.NewDisposeScope();
        var a = TensorBridge.ToTensor(map);
        if (!withVectors)
        {
            SingularValues = GramSingularValues(a, tolerance) ?? TensorBridge.ToVector(torch.linalg.svdvals(a));
            (Threshold, Rank) = RankOf(SingularValues, tolerance);
            return;
        }
        var (u, s, vh) = torch.linalg.svd(a, fullMatrices: true);
        SingularValues = TensorBridge.ToVector(s);
        (Threshold, Rank) = RankOf(SingularValues, tolerance);
        KeepBases(u, vh);
    }

    /// <summary>
    /// Singular values as square roots of the eigenvalues of the smaller Gram matrix (3x cheaper than an SVD for the
    /// study's 128 x 256 map), or null when that could move a rank decision.
    /// </summary>
    /// <remarks>
    /// The eigenvalues carry an absolute error of about 1e-16 lambda_max, so a singular value near the threshold t moves by
    /// about 1e-16 s_max^2 / (2 t). The route is taken only while s_max is at most 1e4 t, which keeps that below 1e-8 t:
    /// ranks agree with the SVD's except for singular values closer to the threshold than that.
    /// </remarks>
    static double[]? GramSingularValues(TorchSharp.torch.Tensor a, Tolerance tolerance)
    {
        bool wide = a.shape[0] <= a.shape[1];
        var lambda = TensorBridge.ToVector(torch.linalg.eigvalsh(wide ? a.matmul(a.T) : a.T.matmul(a)));
        var sv = lambda.Reverse().Select(l => Math.Sqrt(Math.Max(l, 0))).ToArray();
        double max = sv.Length == 0 ? 0 : sv[0];
        return max <= 1e4 * tolerance.ThresholdFor(max) ? sv : null;
    }

    static (double Threshold, int Rank) RankOf(double[] sv, Tolerance tolerance)
    {
        double threshold = tolerance.ThresholdFor(sv.Length == 0 ? 0 : sv[0]);
        return (threshold, sv.Count(x => x >= threshold));
    }

    /// <summary>n_i, the rows of the map.</summary>
    public int Rows { get; }

    /// <summary>n_{i+1}, the columns of the map.</summary>
    public int Columns { get; }

    /// <summary>Descending, min(n_i, n_{i+1}) of them.</summary>
    public double[] SingularValues { get; }

    /// <summary>Absolute threshold: singular values at or above it count towards the rank.</summary>
    public double Threshold { get; }

    /// <summary>Numerical rank: the number of singular values at or above the threshold.</summary>
    public int Rank { get; }

    /// <summary>dim ker d_i = n_{i+1} - rank (rank-nullity), which includes the extra n_{i+1} - n_i of a wide map.</summary>
    public int Nullity => Columns - Rank;

    /// <summary>How many singular values fall below the threshold (not the nullity: a wide map has more kernel than small values).</summary>
    public int SmallSingularValueCount => SingularValues.Length - Rank;

    /// <summary>The smallest singular value (0 for an empty map).</summary>
    public double MinSingularValue => SingularValues.Length == 0 ? 0 : SingularValues[^1];

    /// <summary>Orthonormal basis of ker d_i as columns (n_{i+1} x nullity): right singular vectors beyond the rank.</summary>
    public double[,] Kernel => _kernel ??= Nullity == 0 ? new double[Columns, 0] : Bases().Kernel;

    /// <summary>Orthonormal basis of im d_i as columns (n_i x rank): left singular vectors up to the rank, or the identity at full row rank.</summary>
    public double[,] Image => _image ??= IsSurjective ? Matrix.Identity(Rows) : Bases().Image;

    /// <summary>Orthonormal basis of the orthogonal complement of im d_i (n_i x (n_i - rank)).</summary>
    public double[,] Cokernel => _cokernel ??= IsSurjective ? new double[Rows, 0] : Bases().Cokernel;

    /// <summary>True when im d_i is the whole codomain.</summary>
    internal bool IsSurjective => Rank == Rows;

    (double[,] Kernel, double[,] Image, double[,] Cokernel) Bases()
    {
        if (_kernel is null || _image is null || _cokernel is null)
        {
            using var scope = torch.NewDisposeScope();
            var (u, _, vh) = torch.linalg.svd(TensorBridge.ToTensor(_map), fullMatrices: true);
            KeepBases(u, vh);
        }
        return (_kernel!, _image!, _cokernel!);
    }

    /// <summary>Splits the full SVD's vectors at the rank (decided once, from the first singular values computed).</summary>
    void KeepBases(TorchSharp.torch.Tensor u, TorchSharp.torch.Tensor vh)
    {
        _kernel = TensorBridge.ToMatrix(vh[Rank.., ..].T);
        _image = IsSurjective ? Matrix.Identity(Rows) : TensorBridge.ToMatrix(u[.., ..Rank]);
        _cokernel = TensorBridge.ToMatrix(u[.., Rank..]);
    }
}
