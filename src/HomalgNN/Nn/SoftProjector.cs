using HomalgNN.Algebra;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// Soft projectors onto the image and the row space of a map A, from one SVD per map:
/// P_im(A) = U diag(m) U^T, P_row(A) = V diag(m) V^T, P_ker(A) = I - P_row(A),
/// with m(s) = sigmoid((s - eps) / (eps/2)) shifted and rescaled so that m(0) = 0.
/// </summary>
/// <remarks>
/// The gradient does not go through the SVD's backward (whose 1/(s_i^2 - s_j^2) terms are infinite for repeated
/// singular values and NaN for zero maps). Instead each projector is the spectral function f(G) of a Gram matrix
/// (G = A A^T or A^T A, f(lambda) = m(sqrt lambda)), and its first-order change is added as
/// Q (L o (Q^T dG Q)) Q^T with dG = G - G.detach() (zero in value) and L the divided differences of f
/// (the Daleckii-Krein formula). L is finite for repeated eigenvalues (it becomes f'), and f' is capped at
/// s = eps/100, so gradients stay finite on zero and rank-deficient maps.
/// For singular values far above eps the values equal the study's projectors to rounding.
/// </remarks>
public static class SoftProjector
{
    static readonly double Floor = Sigmoid(-2.0);

    /// <summary>The soft rank weight m(s) of one singular value.</summary>
    public static double Mask(double s, double eps) => (Sigmoid((s - eps) / (eps / 2)) - Floor) / (1 - Floor);

    /// <summary>The soft projectors (P_im onto im A in R^{rows}, P_row onto the row space in R^{cols}) of A.</summary>
    public static (Tensor Image, Tensor RowSpace) Of(Tensor a, double eps)
    {
        Tensor u, s, vh;
        using (torch.no_grad())
            (u, s, vh) = torch.linalg.svd(a.detach(), fullMatrices: true);
        long rows = a.shape[0], cols = a.shape[1];
        var lambda = s.square();
        var image = Spectral(u, Pad(lambda, rows), a.requires_grad ? a.matmul(a.t()) : null, eps);
        var row = Spectral(vh.t(), Pad(lambda, cols), a.requires_grad ? a.t().matmul(a) : null, eps);
        return (image, row);
    }

    /// <summary>The soft projector onto ker A: I - P_row(A).</summary>
    public static Tensor Kernel(Tensor rowSpace) => torch.eye(rowSpace.shape[0], dtype: rowSpace.dtype) - rowSpace;

    static Tensor Pad(Tensor lambda, long n) =>
        lambda.shape[0] >= n ? lambda[..(int)n] : torch.cat([lambda, torch.zeros(n - lambda.shape[0], dtype: lambda.dtype)]);

    static Tensor Spectral(Tensor q, Tensor lambda, Tensor? gram, double eps)
    {
        var f = MaskOfLambda(lambda, eps);
        var p = (q * f.unsqueeze(0)).matmul(q.t());
        if (gram is null) return p;
        Tensor l;
        using (torch.no_grad())
            l = DividedDifferences(lambda, f, eps);
        var dG = gram - gram.detach();
        return p + q.matmul(l * q.t().matmul(dG).matmul(q)).matmul(q.t());
    }

    /// <summary>f(lambda) = m(sqrt lambda) for eigenvalues lambda of a Gram matrix.</summary>
    internal static Tensor MaskOfLambda(Tensor lambda, double eps)
    {
        var s = lambda.clamp_min(0).sqrt();
        return (torch.sigmoid((s - eps) / (eps / 2)) - Floor) / (1 - Floor);
    }

    /// <summary>The Daleckii-Krein matrix of f at <paramref name="lambda"/> (see <see cref="SpectralSlopes"/>), as a tensor of lambda's dtype.</summary>
    static Tensor DividedDifferences(Tensor lambda, Tensor f, double eps)
    {
        var l = TensorBridge.ToVector(lambda);
        var fl = TensorBridge.ToVector(f);
        return TensorBridge.ToTensor(SpectralSlopes.Matrix(l, fl, SpectralSlopes.Active(l, fl, eps), eps), l.Length, l.Length).to(lambda.dtype);
    }

    static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
