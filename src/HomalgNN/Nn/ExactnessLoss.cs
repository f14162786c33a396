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
        if (options.Mode == ExactnessMode.ProjectionNorm) return WithExtras(ProjectionNormLoss.Compute(maps, options), maps, options);
        var (kernels, images) = Projectors(maps, options);
        Tensor total = torch.zeros([], dtype: dtype);
        for (int i = 0; i + 1 < maps.Count; i++)
        {
            var defect = Defect(kernels[i], images[i + 1], options.Mode);
            if (options.WeightByDimension) defect = defect / maps[i].shape[1];
            total = total + defect;
        }
        if (options.Normalize) total = total / (maps.Count - 1);
        return WithExtras(total, maps, options);
    }

    /// <summary>
    /// Which maps are saturated: every singular value certainly above 32 eps, where the soft mask is exactly 1 and its slope exactly 0,
    /// so their soft projectors are exact and locally constant (projection_norm then skips their decompositions).
    /// </summary>
    public static bool[] SaturatedMaps(IReadOnlyList<Tensor> maps, double eps)
    {
        using var _ = torch.no_grad();
        return maps.Select(m => MaskSaturation.Holds(MaskSaturation.SmallerGram(MapFactors.Float64(m)), eps)).ToArray();
    }

    /// <summary>Adds the optional sparsity and rank-targeting terms.</summary>
    static Tensor WithExtras(Tensor total, IReadOnlyList<Tensor> maps, ExactnessLossOptions options)
    {
        if (options.SparsityWeight != 0) total = total + options.SparsityWeight * Sparsity(maps, options.Epsilon);
        if (options.RankWeight != 0)
        {
            var dims = new[] { (int)maps[0].shape[0] }.Concat(maps.Select(m => (int)m.shape[1])).ToArray();
            total = total + options.RankWeight * RankTargetLoss.Compute(maps, options.TargetRanks ?? RankTargetLoss.FeasibilityTargets(dims));
        }
        return total;
    }

    /// <summary>Each map's soft kernel and image projectors (entries the loss never uses are null).</summary>
    static (Tensor[] Kernels, Tensor[] Images) Projectors(IReadOnlyList<Tensor> maps, ExactnessLossOptions options)
    {
        int k = maps.Count;
        var kernels = new Tensor[k];
        var images = new Tensor[k];
        for (int i = 0; i < k; i++)
        {
            if (options.Mode == ExactnessMode.Regularized)
            {
                double delta = RegularizedProjector.Delta(maps[i], options.Temperature);
                if (i + 1 < k) kernels[i] = RegularizedProjector.Kernel(maps[i], delta);
                if (i > 0) images[i] = RegularizedProjector.Image(maps[i], delta);
            }
            else
            {
                // One SVD per map: its projectors serve both positions it touches.
                var (image, rowSpace) = SoftProjector.Of(maps[i], options.Epsilon);
                kernels[i] = SoftProjector.Kernel(rowSpace);
                images[i] = image;
            }
        }
        return (kernels, images);
    }

    /// <summary>The defect between two soft projectors on the same space, in the given mode.</summary>
    public static Tensor Defect(Tensor pKer, Tensor pIm, ExactnessMode mode)
    {
        switch (mode)
        {
            case ExactnessMode.ProjectionNorm:
            case ExactnessMode.Regularized:
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
