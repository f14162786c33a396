using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// The reduced singular factors A = U diag(s) V^T of one boundary map (r = min(rows, cols) columns each), with
/// lambda = s^2 and the soft masks f(lambda), computed without gradient.
/// </summary>
/// <remarks>
/// A float64 map whose singular values are not spread too far (s_min / s_max at least 1e-3) is factored through
/// the eigen-decomposition of its smaller Gram matrix, which is several times cheaper than an SVD for these
/// sizes; its singular values then carry at most 1e3 times the SVD's rounding error. Any other map, and every
/// float32 map (whose Gram matrix would lose half of its digits), goes through the SVD.
/// </remarks>
internal sealed class MapFactors
{
    /// <summary>lambda_min / lambda_max below which the Gram route is not trusted (condition number 1e3 for s).</summary>
    const double GramRatio = 1e-6;

    MapFactors(Tensor u, Tensor s, Tensor v, double eps)
    {
        U = u;
        S = s;
        V = v;
        Lambda = s.square();
        Mask = SoftProjector.MaskOfLambda(Lambda, eps);
    }

    /// <summary>Left singular vectors, rows x r.</summary>
    public Tensor U { get; }
    /// <summary>Singular values, r.</summary>
    public Tensor S { get; }
    /// <summary>Right singular vectors, cols x r.</summary>
    public Tensor V { get; }
    /// <summary>Eigenvalues s^2 of both Gram matrices (the larger one has extra zeros).</summary>
    public Tensor Lambda { get; }
    /// <summary>f(lambda) = m(s): the soft rank weight of each singular direction.</summary>
    public Tensor Mask { get; }

    /// <summary>Factors <paramref name="map"/> (detached; gradients are the caller's business).</summary>
    public static MapFactors Of(Tensor map, double eps)
    {
        using var _ = torch.no_grad();
        var a = map.detach();
        if (a.dtype == ScalarType.Float64 && TryGram(a, out var u, out var s, out var v)) return new MapFactors(u, s, v, eps);
        var (uu, ss, vh) = torch.linalg.svd(a, fullMatrices: false);
        return new MapFactors(uu, ss, vh.t(), eps);
    }

    static bool TryGram(Tensor a, out Tensor u, out Tensor s, out Tensor v)
    {
        bool wide = a.shape[0] <= a.shape[1];
        var (lambda, q) = torch.linalg.eigh(wide ? a.matmul(a.t()) : a.t().matmul(a));
        // eigh sorts ascending: the extremes are the first and last entries.
        double min = lambda[0].item<double>(), max = lambda[-1].item<double>();
        if (!(max > 0) || min < GramRatio * max)
        {
            u = s = v = null!;
            return false;
        }
        s = lambda.sqrt();
        var other = (wide ? a.t() : a).matmul(q) / s;
        (u, v) = wide ? (q, other) : (other, q);
        return true;
    }
}
