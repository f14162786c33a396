using static TorchSharp.torch;

namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// Linear centred kernel alignment of two representations of the same samples (Kornblith et al. 2019):
/// CKA = ||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F) for column-centred X, Y. It is 1 for X against itself and
/// unchanged by orthogonal transforms and isotropic scaling of either side; NaN when either side is constant.
/// </summary>
public static class LinearCka
{
    /// <summary>CKA between two representations with the same number of samples.</summary>
    public static double Compute(Representation a, Representation b)
    {
        Redundancy.RequireSameSamples(a, b);
        using var scope = NewDisposeScope();
        return Compute(a.ToCentredTensor(), b.ToCentredTensor());
    }

    /// <summary>CKA of two already centred float64 tensors.</summary>
    internal static double Compute(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var cross = y.t().mm(x).square().sum().item<double>();
        var selfX = linalg.norm(x.t().mm(x)).item<double>();
        var selfY = linalg.norm(y.t().mm(y)).item<double>();
        return selfX > 0 && selfY > 0 ? cross / (selfX * selfY) : double.NaN;
    }
}
