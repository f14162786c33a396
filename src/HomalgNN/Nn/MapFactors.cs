using HomalgNN.Algebra;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// The reduced singular factors A = U diag(s) V^T of one boundary map, in float64 (r = min(rows, cols) columns each), with
/// lambda = s^2, the soft masks f(lambda) and the Daleckii-Krein slopes, computed without gradient and each only when used.
/// </summary>
/// <remarks>
/// Everything is float64 (a float32 map is widened first: its Gram matrix is then as exact as float64 sums make it).
/// A map whose singular values are not spread too far (s_min / s_max at least 1e-3) is factored through the
/// eigen-decomposition of its smaller Gram matrix, several times cheaper than an SVD at these sizes; its singular values
/// then carry at most 1e3 times the SVD's rounding error. Any other map goes through the SVD.
/// </remarks>
internal sealed class MapFactors
{
    /// <summary>lambda_min / lambda_max below which the Gram route is not trusted (condition number 1e3 for s).</summary>
    const double GramRatio = 1e-6;

    readonly Tensor _map;
    readonly double _eps;
    readonly double[] _lambda, _mask;
    readonly bool _wide;
    Tensor? _v, _us, _svt, _rowSlopes, _imageSlopes, _complement;
    double[]? _complementSlopes;
    double[,]? _slopes;

    MapFactors(Tensor map, Tensor u, Tensor s, Tensor? v, double[] lambda, double eps, bool saturated = false)
    {
        _map = map;
        _eps = eps;
        _wide = map.shape[0] < map.shape[1];
        U = u;
        S = s;
        _v = v;
        _lambda = lambda;
        _mask = saturated ? Enumerable.Repeat(1.0, lambda.Length).ToArray() : _lambda.Select(l => SpectralSlopes.Mask(l, eps)).ToArray();
        Mask = torch.tensor(_mask, dtype: ScalarType.Float64);
    }

    /// <summary>Left singular vectors, rows x r.</summary>
    public Tensor U { get; }

    /// <summary>Singular values, r.</summary>
    public Tensor S { get; }

    /// <summary>f(s^2) = m(s): the soft rank weight of each singular direction.</summary>
    public Tensor Mask { get; }

    /// <summary>s_min^2, the smallest eigenvalue of the smaller Gram matrix.</summary>
    public double SmallestLambda => _lambda.Min();

    /// <summary>sum_j f_j.</summary>
    public double MaskSum => _mask.Sum();

    /// <summary>sum_j f_j^2.</summary>
    public double MaskSquares => _mask.Sum(f => f * f);

    /// <summary>Right singular vectors, cols x r.</summary>
    public Tensor V => _v ??= _map.t().matmul(U) / S;

    /// <summary>U diag(s) = A V.</summary>
    public Tensor US => _us ??= U * S;

    /// <summary>x diag(s) V^T = x U^T A: through V when it is known, else through A (cheaper than forming V first).</summary>
    public Tensor TimesSVt(Tensor x) => _v is null ? x.matmul(U.t()).matmul(_map) : x.matmul(_svt ??= S.unsqueeze(1) * _v.t());

    /// <summary>Whether the row space has a complement in the domain (the map is wide): its zero eigenvalues enter the row-space slopes.</summary>
    public bool RowComplement => _wide;

    /// <summary>Whether the image has a complement in the codomain (the map is tall).</summary>
    public bool ImageComplement => _map.shape[0] > _map.shape[1];

    /// <summary>L - l 1^T: the slopes among the s^2, less each one's slope to the complement's 0 when the row space has a complement.</summary>
    public Tensor RowSlopes => _rowSlopes ??= Slopes(RowComplement, transpose: false);

    /// <summary>L - 1 l^T, the same for the image's complement.</summary>
    public Tensor ImageSlopes => _imageSlopes ??= Slopes(ImageComplement, transpose: true);

    /// <summary>l_j: the slope between s_j^2 and the complement's eigenvalue 0 (where f(0) = 0).</summary>
    public Tensor Complement => _complement ??= torch.tensor(ComplementSlopes, dtype: ScalarType.Float64);

    double[] ComplementSlopes => _complementSlopes ??= _lambda.Select((l, j) => SpectralSlopes.Slope(l, _mask[j], 0, 0, _eps)).ToArray();

    Tensor Slopes(bool complement, bool transpose)
    {
        _slopes ??= SpectralSlopes.Matrix(_lambda, _mask, _lambda, _mask, _eps);
        var l = complement ? (double[,])_slopes.Clone() : _slopes;
        if (complement)
        {
            var c = ComplementSlopes;
            for (int j = 0; j < c.Length; j++)
                for (int k = 0; k < c.Length; k++)
                    l[j, k] -= transpose ? c[k] : c[j];
        }
        return TensorBridge.ToTensor(l);
    }

    /// <summary>Factors a detached float64 map whose smaller Gram matrix (<see cref="MaskSaturation.SmallerGram"/>) is already known.</summary>
    public static MapFactors Of(Tensor a, Tensor gram, double eps)
    {
        using var _ = torch.no_grad();
        if (Gram(a, gram, eps) is { } viaGram) return viaGram;
        var (u, s, vh) = torch.linalg.svd(a, fullMatrices: false);
        return new MapFactors(a, u, s, vh.t(), TensorBridge.ToVector(s).Select(x => x * x).ToArray(), eps);
    }

    /// <summary>The identity of R^n seen as a map with every mask 1: the image or row space that is the whole space.</summary>
    public static MapFactors Identity(long n, double eps)
    {
        var eye = torch.eye(n, dtype: ScalarType.Float64);
        return new MapFactors(eye, eye, torch.ones(n, dtype: ScalarType.Float64), eye, Enumerable.Repeat(1.0, (int)n).ToArray(), eps, saturated: true);
    }

    /// <summary>The map detached and widened to float64.</summary>
    public static Tensor Float64(Tensor map) => map.detach().to(ScalarType.Float64);

    static MapFactors? Gram(Tensor a, Tensor gram, double eps)
    {
        bool wide = a.shape[0] <= a.shape[1];
        var (lambda, q) = torch.linalg.eigh(gram);
        // eigh sorts ascending: the extremes are the first and last entries.
        var values = TensorBridge.ToVector(lambda);
        if (!(values[^1] > 0) || values[0] < GramRatio * values[^1]) return null;
        var s = lambda.sqrt();
        // Wide: q holds U and V follows when asked for; tall: q holds V and U = A V / s.
        return wide ? new MapFactors(a, q, s, null, values, eps) : new MapFactors(a, a.matmul(q) / s, s, q, values, eps);
    }
}
