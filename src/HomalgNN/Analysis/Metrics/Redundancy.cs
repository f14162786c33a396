using static TorchSharp.torch;

namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// Redundancy between two representations of the same samples. The canonical correlations are the singular values of
/// Q_A^T Q_B, with Q orthonormal bases of the centred column spaces. The bases come from a thin SVD keeping singular
/// values above max(N, D) * machine epsilon * s_max (numpy's matrix_rank rule): an unpivoted QR would keep spurious
/// directions for rank-deficient layers, which dead or duplicated units make common.
/// </summary>
public static class Redundancy
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Canonical correlations, their means and linear CKA between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static RedundancyResult Compute(Representation a, Representation b)
    {
        RequireSameSamples(a, b);
        using var scope = NewDisposeScope();
        var (centredA, centredB) = (a.ToCentredTensor(), b.ToCentredTensor());
        var (basisA, basisB) = (OrthonormalBasis(centredA), OrthonormalBasis(centredB));
        var correlations = basisA.shape[1] == 0 || basisB.shape[1] == 0
            ? []
            : linalg.svdvals(basisA.t().mm(basisB)).data<double>().ToArray().Select(c => Math.Clamp(c, 0, 1)).ToArray();
        var nominal = Math.Min(Math.Min(a.Units, b.Units), a.Samples - 1);
        return new RedundancyResult(
            correlations,
            (int)basisA.shape[1],
            (int)basisB.shape[1],
            correlations.Length > 0 ? correlations.Average() : double.NaN,
            correlations.Length > 0 && nominal > 0 ? correlations.Sum() / nominal : double.NaN,
            LinearCka.Compute(centredA, centredB));
    }

    internal static void RequireSameSamples(Representation a, Representation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Samples != b.Samples)
        {
            throw new ArgumentException($"Both representations must hold the same samples, got {a.Samples} and {b.Samples} rows.");
        }
    }

    private static Tensor OrthonormalBasis(Tensor centred)
    {
        var (u, s, _) = linalg.svd(centred, fullMatrices: false);
        var largest = s.numel() > 0 ? s.max().item<double>() : 0;
        var threshold = Math.Max(centred.shape[0], centred.shape[1]) * MachineEpsilon * largest;
        var rank = largest > 0 ? (int)s.gt(threshold).sum().item<long>() : 0;
        return u.narrow(1, 0, rank);
    }
}
