using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

/// <summary>Reference formulas and finite differences for loss tests.</summary>
public static class LossTestHelpers
{
    /// <summary>Random float64 maps of the given chain dimensions, with gradients.</summary>
    public static Tensor[] RandomMaps(int[] dims, int seed, double scale = 1.0)
    {
        torch.manual_seed(seed);
        return Enumerable.Range(0, dims.Length - 1)
            .Select(i => (torch.randn(dims[i], dims[i + 1], dtype: ScalarType.Float64) * scale).requires_grad_(true)).ToArray();
    }

    /// <summary>The study's projection_norm exactness loss, straight from the reduced SVD with autograd (the Python original's formula).</summary>
    public static Tensor ReferenceProjectionLoss(IReadOnlyList<Tensor> maps, double eps)
    {
        Tensor total = torch.zeros([], dtype: ScalarType.Float64);
        for (int i = 0; i + 1 < maps.Count; i++)
        {
            var (_, sa, vha) = torch.linalg.svd(maps[i], fullMatrices: false);
            var ma = torch.sigmoid((sa - eps) / (eps / 2));
            var pKer = torch.eye(maps[i].shape[1], dtype: ScalarType.Float64) - (vha.t() * ma).matmul(vha);
            var (ub, sb, _) = torch.linalg.svd(maps[i + 1], fullMatrices: false);
            var mb = torch.sigmoid((sb - eps) / (eps / 2));
            var pIm = (ub * mb).matmul(ub.t());
            total = total + (pKer - pIm).square().sum();
        }
        return total / (maps.Count - 1);
    }

    /// <summary>Central finite-difference gradient of f with respect to every entry of <paramref name="x"/>.</summary>
    public static double[] FiniteDifference(Func<double> f, Tensor x, double h)
    {
        var grad = new double[x.numel()];
        var flat = x.detach().view(-1);
        for (int j = 0; j < grad.Length; j++)
        {
            double orig = flat[j].item<double>();
            using (torch.no_grad()) flat[j] = orig + h;
            double up = f();
            using (torch.no_grad()) flat[j] = orig - h;
            double down = f();
            using (torch.no_grad()) flat[j] = orig;
            grad[j] = (up - down) / (2 * h);
        }
        return grad;
    }
}
