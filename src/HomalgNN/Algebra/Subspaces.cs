using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Algebra;

/// <summary>Principal angles and distances between subspaces of R^n given by orthonormal bases (as columns).</summary>
public static class Subspaces
{
    /// <summary>Cosines of the principal angles between span(A) and span(B), descending, min(dim A, dim B) of them.</summary>
    /// <remarks>A and B need not be orthonormal: they are orthonormalised first (columns below 1e-12 relative are dropped).</remarks>
    public static double[] PrincipalAngleCosines(double[,] a, double[,] b)
    {
        if (a.GetLength(0) != b.GetLength(0))
            throw new ArgumentException($"subspaces live in different spaces: R^{a.GetLength(0)} and R^{b.GetLength(0)}");
        using var scope = torch.NewDisposeScope();
        var qa = OrthonormalBasis(TensorBridge.ToTensor(a));
        var qb = OrthonormalBasis(TensorBridge.ToTensor(b));
        if (qa.shape[1] == 0 || qb.shape[1] == 0) return [];
        var cos = torch.linalg.svdvals(qa.T.matmul(qb)).clamp(0.0, 1.0);
        return TensorBridge.ToVector(cos);
    }

    /// <summary>Principal angles in radians between span(A) and span(B), ascending.</summary>
    public static double[] PrincipalAngles(double[,] a, double[,] b) =>
        PrincipalAngleCosines(a, b).Select(Math.Acos).ToArray();

    /// <summary>An orthonormal basis of the column space of <paramref name="a"/> (SVD; relative cut 1e-12).</summary>
    internal static Tensor OrthonormalBasis(Tensor a)
    {
        if (a.shape[1] == 0) return a;
        var (u, s, _) = torch.linalg.svd(a, fullMatrices: false);
        double smax = s.numel() == 0 ? 0 : s[0].ToDouble();
        long r = s.gt(1e-12 * Math.Max(smax, double.Epsilon)).sum().item<long>();
        return u[.., ..(int)r];
    }

    /// <summary>The exactness defect between an orthonormal kernel basis K and image basis I (conventions.md).</summary>
    public static double Defect(Tensor kernel, Tensor image, DefectMethod method)
    {
        long a = kernel.shape[1], b = image.shape[1];
        long gap = Math.Abs(a - b);
        switch (method)
        {
            case DefectMethod.DimensionGap:
                return gap;
            case DefectMethod.ProjectionNorm:
            {
                if (a == 0 && b == 0) return 0;
                // ||KK^T - II^T||_F^2 = a + b - 2 ||K^T I||_F^2 for orthonormal K, I.
                double cross = a == 0 || b == 0 ? 0 : kernel.T.matmul(image).square().sum().ToDouble();
                return Math.Sqrt(Math.Max(0, a + b - 2 * cross));
            }
            default:
            {
                if (a == 0 && b == 0) return 0;
                if (a == 0 || b == 0) return Math.Max(a, b);
                // sum cos^2 of the principal angles = sum of the squared singular values of K^T I = ||K^T I||_F^2: no SVD needed.
                double sin2 = Math.Min(a, b) - kernel.T.matmul(image).square().sum().ToDouble();
                return Math.Max(0, sin2) + gap;
            }
        }
    }
}
