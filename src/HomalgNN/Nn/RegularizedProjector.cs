using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// Regularised projectors that stay differentiable everywhere: P_im(A) = A A^T (A A^T + delta I)^-1 = I - delta (A A^T + delta I)^-1 and
/// P_ker(A) = delta (A^T A + delta I)^-1, i.e. singular value s is weighted s^2 / (s^2 + delta) instead of a sigmoid step at eps.
/// delta = (temperature * sigma_max(A))^2, so the transition sits at a fixed fraction of the map's own spectrum and the gradient
/// does not vanish for singular values far above an absolute eps (the study's regulariser's failure).
/// </summary>
public static class RegularizedProjector
{
    /// <summary>delta for map <paramref name="a"/>: (temperature x its largest singular value)^2, held constant for the gradient.</summary>
    public static double Delta(Tensor a, double temperature)
    {
        using var noGrad = torch.no_grad();
        double smax = torch.linalg.matrix_norm(a.detach(), ord: 2).ToDouble();
        return Math.Max(temperature * temperature * smax * smax, 1e-30);
    }

    /// <summary>The regularised projector onto im A (rows x rows).</summary>
    public static Tensor Image(Tensor a, double delta)
    {
        var eye = torch.eye(a.shape[0], dtype: a.dtype);
        return eye - delta * torch.linalg.inv(a.matmul(a.t()) + delta * eye);
    }

    /// <summary>The regularised projector onto ker A (cols x cols).</summary>
    public static Tensor Kernel(Tensor a, double delta)
    {
        var eye = torch.eye(a.shape[1], dtype: a.dtype);
        return delta * torch.linalg.inv(a.t().matmul(a) + delta * eye);
    }
}
