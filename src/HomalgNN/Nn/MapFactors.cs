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
    Tensor? _v, _us, _svt, _slopes, _complement;
    int[]? _active;

    MapFactors(Tensor map, Tensor u, Tensor s, Tensor? v, double[] lambda, double eps, bool saturated = false)
    {
        _map = map;
        _eps = eps;
        U = u;
        S = s;
        _v = v;
        _lambda = lambda;
        _mask = saturated ? Enumerable.Repeat(1.0, lambda.Length).ToArray() : _lambda.Select(l => SpectralSlopes.Mask(l, eps)).ToArray();
        Mask = torch.tensor(_mask, dtype: ScalarType.Float64);
        if (saturated) _active = [];
    }

    /// <summary>The factored map itself, float64.</summary>
    public Tensor Map => _map;

    /// <summary>Left singular vectors, rows x r.</summary>
    public Tensor U { get; }

    /// <summary>Singular values, r.</summary>
    public Tensor S { get; }

    /// <summary>f(s^2) = m(s): the soft rank weight of each singular direction.</summary>
    public Tensor Mask { get; }

    /// <summary>r = min(rows, cols), the number of singular directions.</summary>
    public int Rank => _lambda.Length;

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

    /// <summary>diag(s) V^T = U^T A, r x cols.</summary>
    public Tensor SVt => _svt ??= _v is null ? U.t().matmul(_map) : S.unsqueeze(1) * _v.t();

    /// <summary>Whether the row space has a complement in the domain (the map is wide): its zero eigenvalues enter the row-space slopes.</summary>
    public bool RowComplement => _map.shape[0] < _map.shape[1];

    /// <summary>Whether the image has a complement in the codomain (the map is tall).</summary>
    public bool ImageComplement => _map.shape[0] > _map.shape[1];

    /// <summary>The singular directions that are not flat (<see cref="SpectralSlopes.IsFlat"/>): the only rows and columns where <see cref="Slopes"/> can be non-zero.</summary>
    public int[] Active => _active ??= SpectralSlopes.Active(_lambda, _mask, _eps);

    /// <summary>L_jk, the divided differences of f among the s^2 (r x r, symmetric, zero outside the <see cref="Active"/> rows and columns).</summary>
    public Tensor Slopes => _slopes ??= TensorBridge.ToTensor(SpectralSlopes.Matrix(_lambda, _mask, Active, _eps), Rank, Rank);

    /// <summary>l_j: the slope between s_j^2 and the complement's eigenvalue 0 (where f(0) = 0).</summary>
    public Tensor Complement => _complement ??= torch.tensor(_lambda.Select((l, j) => SpectralSlopes.Slope(l, _mask[j], 0, 0, _eps)).ToArray(), dtype: ScalarType.Float64);

    /// <summary>
    /// Computes now what the loss will read of these factors in its roles (V first, so S V^T comes from it), after which
    /// they are only read, by either thread.
    /// </summary>
    public void Prepare(bool rowSide, bool needsSVt)
    {
        if (rowSide || needsSVt) _ = V;
        if (rowSide) _ = US;
        if (needsSVt) _ = SVt;
        _ = Slopes;
        _ = Complement;
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
