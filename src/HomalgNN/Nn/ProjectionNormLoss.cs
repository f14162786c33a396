using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// The study's exactness loss, mode projection_norm, sum_i c_i ||I - P_row(d_i) - P_im(d_{i+1})||_F^2, with the same
/// value and gradient as <see cref="SoftProjector"/>'s spectral projectors but computed from reduced factors only.
/// </summary>
/// <remarks>
/// Why it is cheaper: only the projectors the loss uses are built (never the row space of the top map, 256 x 256 in
/// the study, nor the image of d_0), each map is decomposed once, and the Daleckii-Krein gradient is written out in
/// closed form instead of being traced through four n x n products per projector. With R = I - X - Y and
/// M = dLoss/dX = dLoss/dY = -2 c R, a map A = U S V^T whose row-space projector is X = f(A^T A) gets
/// 2 U S [(L o V^T M V) V^T + diag(l) V^T M (I - V V^T)], where L holds the divided differences of f among the s^2 and
/// l those between each s^2 and the zero eigenvalues of the complement; the complement's own block vanishes because
/// A (I - V V^T) = 0. The image projector Y = f(B B^T) of B gets the mirror image. The gradient enters autograd
/// through the term sum((A - A.detach()) o G), which is exactly zero in value.
/// </remarks>
internal static class ProjectionNormLoss
{
    /// <summary>The loss of maps d_0..d_{k-1} (k &gt;= 2); carries the closed-form gradient when any map requires one.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> maps, ExactnessLossOptions options)
    {
        int k = maps.Count;
        bool withGradient = torch.is_grad_enabled() && maps.Any(m => m.requires_grad);
        var grads = new Tensor?[k];
        Tensor value;
        using (torch.no_grad())
        {
            var factors = maps.Select(m => MapFactors.Of(m, options.Epsilon)).ToArray();
            value = torch.zeros([], dtype: maps[0].dtype);
            for (int i = 0; i + 1 < k; i++)
            {
                var x = Projector(factors[i].V, factors[i].Mask);
                var y = Projector(factors[i + 1].U, factors[i + 1].Mask);
                var r = torch.eye(x.shape[0], dtype: x.dtype) - x - y;
                double c = (options.WeightByDimension ? 1.0 / x.shape[0] : 1.0) * (options.Normalize ? 1.0 / (k - 1) : 1.0);
                value = value + c * r.square().sum();
                if (!withGradient) continue;
                var m = r * (-2 * c);
                grads[i] = Add(grads[i], RowSpaceGradient(factors[i], m, options.Epsilon));
                grads[i + 1] = Add(grads[i + 1], ImageGradient(factors[i + 1], m, options.Epsilon));
            }
        }
        if (!withGradient) return value;
        for (int j = 0; j < k; j++)
            if (maps[j].requires_grad && grads[j] is { } g) value = value + ((maps[j] - maps[j].detach()) * g).sum();
        return value;
    }

    /// <summary>Q diag(f) Q^T.</summary>
    static Tensor Projector(Tensor q, Tensor f) => (q * f).matmul(q.t());

    static Tensor Add(Tensor? a, Tensor b) => a is null ? b : a + b;

    /// <summary>dLoss/dA for X = f(A^T A) and dLoss/dX = M.</summary>
    static Tensor RowSpaceGradient(MapFactors a, Tensor m, double eps)
    {
        var v = a.V;
        var vtm = v.t().matmul(m);
        var w = vtm.matmul(v);
        var inner = (SoftProjector.DividedDifferences(a.Lambda, a.Mask, a.Lambda, a.Mask, eps) * w).matmul(v.t());
        if (v.shape[1] < v.shape[0]) inner = inner + ComplementSlope(a, eps).unsqueeze(1) * (vtm - w.matmul(v.t()));
        return 2 * (a.U * a.S).matmul(inner);
    }

    /// <summary>dLoss/dB for Y = f(B B^T) and dLoss/dY = M.</summary>
    static Tensor ImageGradient(MapFactors b, Tensor m, double eps)
    {
        var u = b.U;
        var mu = m.matmul(u);
        var w = u.t().matmul(mu);
        var outer = u.matmul(SoftProjector.DividedDifferences(b.Lambda, b.Mask, b.Lambda, b.Mask, eps) * w);
        if (u.shape[1] < u.shape[0]) outer = outer + (mu - u.matmul(w)) * ComplementSlope(b, eps).unsqueeze(0);
        return 2 * outer.matmul(b.S.unsqueeze(1) * b.V.t());
    }

    /// <summary>Divided differences between each s^2 and the complement's eigenvalue 0 (where f(0) = 0).</summary>
    static Tensor ComplementSlope(MapFactors a, double eps)
    {
        var zero = torch.zeros(1, dtype: a.Lambda.dtype);
        return SoftProjector.DividedDifferences(a.Lambda, a.Mask, zero, SoftProjector.MaskOfLambda(zero, eps), eps).squeeze(1);
    }
}
