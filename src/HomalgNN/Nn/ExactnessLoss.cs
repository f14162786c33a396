using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>The exactness loss of a chain: how far ker d_i is from im d_{i+1} at each interior position, from soft projectors.</summary>
public static class ExactnessLoss
{
    /// <summary>The loss (a 0-d tensor with gradient) of maps d_0..d_{k-1}; 0 when k &lt; 2.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> maps, ExactnessLossOptions options)
    {
        var dtype = maps[0].dtype;
        if (maps.Count < 2) return torch.zeros([], dtype: dtype);
        // The study's mode has a cheaper closed form with the same value and gradient.
        if (options.Mode == ExactnessMode.ProjectionNorm) return WithSparsity(ProjectionNormLoss.Compute(maps, options), maps, options);
        // One SVD per map: each map's projectors serve both positions it touches.
        var projectors = maps.Select(m => SoftProjector.Of(m, options.Epsilon)).ToArray();
        Tensor total = torch.zeros([], dtype: dtype);
        for (int i = 0; i + 1 < maps.Count; i++)
        {
            var pKer = SoftProjector.Kernel(projectors[i].RowSpace);
            var pIm = projectors[i + 1].Image;
            var defect = Defect(pKer, pIm, options.Mode);
            if (options.WeightByDimension) defect = defect / maps[i].shape[1];
            total = total + defect;
        }
        if (options.Normalize) total = total / (maps.Count - 1);
        return WithSparsity(total, maps, options);
    }

    static Tensor WithSparsity(Tensor total, IReadOnlyList<Tensor> maps, ExactnessLossOptions options) =>
        options.SparsityWeight != 0 ? total + options.SparsityWeight * Sparsity(maps, options.Epsilon) : total;

    /// <summary>The defect between two soft projectors on the same space, in the given mode.</summary>
    public static Tensor Defect(Tensor pKer, Tensor pIm, ExactnessMode mode)
    {
        switch (mode)
        {
            case ExactnessMode.ProjectionNorm:
                return (pKer - pIm).square().sum();
            case ExactnessMode.Overlap:
            {
                var trKer = pKer.trace();
                var gap = (trKer - pIm.trace()).abs();
                return (trKer - pIm.matmul(pKer).trace() + gap).clamp_min(0);
            }
            default:
            {
                // For orthogonal projectors, sum cos^2 of the principal angles = tr(P_ker P_im), and there are
                // min(dim ker, dim im) angles; soft traces stand in for the dimensions.
                var a = pKer.trace();
                var b = pIm.trace();
                var cos2 = pKer.matmul(pIm).trace();
                return (torch.minimum(a, b) - cos2).clamp_min(0) + (a - b).abs();
            }
        }
    }

    /// <summary>sum over maps and singular values of exp(-(s - eps)^2 / eps^2): large when singular values sit near eps.</summary>
    public static Tensor Sparsity(IReadOnlyList<Tensor> maps, double eps)
    {
        Tensor total = torch.zeros([], dtype: maps[0].dtype);
        foreach (var m in maps)
        {
            var s = torch.linalg.svdvals(m);
            total = total + torch.exp(-(s - eps).square() / (eps * eps)).sum();
        }
        return total;
    }
}
