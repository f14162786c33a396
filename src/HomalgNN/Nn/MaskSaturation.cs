using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// A certificate that every singular value of a map lies where the soft mask m is exactly 1 in float64 and its slope exactly 0,
/// so that the map's soft projectors are its exact image and row-space projectors, locally constant in the map.
/// </summary>
/// <remarks>
/// m(s) = (sigmoid((s - eps)/(eps/2)) - floor)/(1 - floor) rounds to exactly 1 once exp(-x) &lt; 2^-54, i.e. x &gt; 37.5, which is
/// s &gt; 19.8 eps; there m' = sigmoid (1 - sigmoid) (...) is exactly 0 too. The certificate asks for s_min &gt; 32 eps, a margin of
/// 1.6 in s, by one Cholesky factorisation of G - (32 eps)^2 I for the smaller Gram matrix G: it succeeds exactly when
/// G - t I is positive definite, up to rounding of order n u ||G||, which the margin covers whenever t is not lost
/// against ||G|| (checked: t must exceed 1e-10 trace G, else no certificate is given and the caller decomposes the map).
/// </remarks>
internal static class MaskSaturation
{
    /// <summary>s_min / eps above which the certificate is given.</summary>
    public const double Margin = 32;

    /// <summary>The smaller Gram matrix of a float64 map: A A^T for a wide or square map, A^T A for a tall one.</summary>
    public static Tensor SmallerGram(Tensor a) => a.shape[0] <= a.shape[1] ? a.matmul(a.t()) : a.t().matmul(a);

    // s_min^2 of each map (the Parameter object, stable across steps) when it was last decomposed.
    static readonly ConditionalWeakTable<Tensor, StrongBox<double>> LastSmallest = new();

    /// <summary>
    /// <see cref="Holds(Tensor, double)"/> for <paramref name="map"/>, skipped (false) while the map's last decomposition found
    /// s_min^2 below a quarter of the certificate's threshold: one optimiser step does not lift it that far, and a wrong
    /// guess only sends the map through its decomposition, which is always correct.
    /// </summary>
    public static bool Holds(Tensor map, Tensor gram, double eps)
    {
        if (LastSmallest.TryGetValue(map, out var last) && last.Value < Margin * eps * Margin * eps / 4) return false;
        return Holds(gram, eps);
    }

    /// <summary>Remembers s_min^2 of <paramref name="map"/> from its decomposition, for the next <see cref="Holds(Tensor, Tensor, double)"/>.</summary>
    public static void Remember(Tensor map, double smallestLambda) => LastSmallest.AddOrUpdate(map, new StrongBox<double>(smallestLambda));

    /// <summary>Whether every singular value of the map with this smaller Gram matrix is certainly above <see cref="Margin"/> x eps.</summary>
    public static bool Holds(Tensor gram, double eps)
    {
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        double t = Margin * eps * Margin * eps;
        if (!(t > 1e-10 * gram.diagonal().sum().item<double>())) return false;
        var shifted = gram.clone();
        shifted.diagonal().sub_(t);
        var (_, info) = torch.linalg.cholesky_ex(shifted);
        return info.item<int>() == 0;
    }
}
