using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// The study's exactness loss, mode projection_norm, sum_i c_i ||I - P_row(d_i) - P_im(d_{i+1})||_F^2, with the same
/// value and gradient as <see cref="SoftProjector"/>'s spectral projectors but computed from reduced factors only.
/// </summary>
/// <remarks>
/// Why it is cheaper: each map is decomposed once; only the projectors the loss uses enter (never the row space of the
/// top map, 256 x 256 in the study, nor the image of d_0); no n x n projector is formed, because at position i everything
/// follows from the small overlap P = V_A^T U_B between the row space of A = d_i (X = V_A f_A V_A^T) and the image of
/// B = d_{i+1} (Y = U_B f_B U_B^T); and the Daleckii-Krein gradient is written out in closed form instead of being traced
/// through four n x n products per projector. With D = X + Y - I:
/// ||D||^2 = sum f_A^2 + sum f_B^2 + n - 2 sum f_A - 2 sum f_B + 2 sum_jk f_Aj P_jk^2 f_Bk, and M = dLoss/dX = dLoss/dY = 2 c D.
/// A = U_A S_A V_A^T gets 2 U_A S_A [(L_A - l 1^T) o W_A) V_A^T + diag(l) V_A^T M] with W_A = V_A^T M V_A, where L_A holds the
/// divided differences of f among the s^2 and l those to the zero eigenvalues of the row space's complement (whose own
/// block drops out since A (I - V_A V_A^T) = 0). B gets the mirror image, 2 [U_B ((L_B - 1 l^T) o W_B) + M U_B diag(l)] S_B V_B^T.
/// The gradient enters autograd through sum((A - A.detach()) o G), which is exactly zero in value. All of it is computed in
/// float64, whatever the maps' dtype (the matrices are small; float32 maps get their gradient rounded at the end).
/// Saturated maps (<see cref="MaskSaturation"/>: every mask exactly 1, every slope exactly 0) are not decomposed where their
/// projector is the identity of C_{i+1}: its gradient is exactly zero there, and when the other map is saturated too the
/// position's value is that map's rank. In the study's regime (every map full rank, s_min far above eps) no map is
/// decomposed at all: one Gram matrix and one Cholesky factorisation per map replace the eigendecompositions.
/// </remarks>
internal static class ProjectionNormLoss
{
    /// <summary>The loss of maps d_0..d_{k-1} (k &gt;= 2); carries the closed-form gradient when any map requires one.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> maps, ExactnessLossOptions options)
    {
        int k = maps.Count;
        bool withGradient = torch.is_grad_enabled() && maps.Any(m => m.requires_grad);
        var grads = new Tensor?[k];
        double value = 0;
        using (torch.no_grad())
        {
            var a64 = maps.Select(MapFactors.Float64).ToArray();
            var grams = a64.Select(MaskSaturation.SmallerGram).ToArray();
            var saturated = grams.Select((g, j) => MaskSaturation.Holds(maps[j], g, options.Epsilon)).ToArray();
            var factors = new MapFactors?[k];
            MapFactors Factors(int j)
            {
                if (factors[j] is { } known) return known;
                factors[j] = MapFactors.Of(a64[j], grams[j], options.Epsilon);
                MaskSaturation.Remember(maps[j], factors[j]!.SmallestLambda);
                return factors[j]!;
            }
            for (int i = 0; i + 1 < k; i++)
            {
                long n = maps[i].shape[1];
                double c = (options.WeightByDimension ? 1.0 / n : 1.0) * (options.Normalize ? 1.0 / (k - 1) : 1.0);
                // A saturated map of full rank onto C_{i+1} (row space of a tall d_i, image of a wide d_{i+1}) has the identity
                // as its projector there, constant near the map: its gradient is zero and it needs no decomposition.
                bool rowSpaceIsAll = saturated[i] && maps[i].shape[0] >= n;
                bool imageIsAll = saturated[i + 1] && maps[i + 1].shape[1] >= n;
                // With one projector the identity, D is the other projector, ||D||^2 = sum f^2 = its rank when it is saturated too.
                if (imageIsAll && saturated[i]) { value += c * Math.Min(maps[i].shape[0], n); continue; }
                if (rowSpaceIsAll && saturated[i + 1]) { value += c * Math.Min(maps[i + 1].shape[1], n); continue; }
                var a = rowSpaceIsAll ? MapFactors.Identity(n, options.Epsilon) : Factors(i);
                var b = imageIsAll ? MapFactors.Identity(n, options.Epsilon) : Factors(i + 1);
                var p = a.V.t().matmul(b.U);
                double cross = (p.square() * b.Mask).mul_(a.Mask.unsqueeze(1)).sum().item<double>();
                value += c * (a.MaskSquares + b.MaskSquares + n - 2 * a.MaskSum - 2 * b.MaskSum + 2 * cross);
                if (!withGradient) continue;
                if (!rowSpaceIsAll) grads[i] = Add(grads[i], RowSpaceGradient(a, b, p, 2 * c));
                if (!imageIsAll) grads[i + 1] = Add(grads[i + 1], ImageGradient(a, b, p, 2 * c));
            }
        }
        var loss = torch.tensor(value, dtype: maps[0].dtype);
        if (!withGradient) return loss;
        for (int j = 0; j < k; j++)
        {
            if (!maps[j].requires_grad) continue;
            // A map whose every position is saturated has gradient exactly zero; it stays in the graph so backward() works as usual.
            loss = grads[j] is { } g ? loss + ((maps[j] - maps[j].detach()) * g.to(maps[j].dtype)).sum() : loss + maps[j].sum() * 0.0;
        }
        return loss;
    }

    static Tensor Add(Tensor? a, Tensor b) => a is null ? b : a.add_(b);

    /// <summary>
    /// The row-space side at one position, with M = m2 D: W_A = V^T M V = m2 (diag(f_A - 1) + P diag(f_B) P^T) and
    /// V^T M = m2 (diag(f_A - 1) V^T + P diag(f_B) U_B^T).
    /// </summary>
    static Tensor RowSpaceGradient(MapFactors a, MapFactors b, Tensor p, double m2)
    {
        var pf = p * b.Mask;
        var w = pf.matmul(p.t());
        w.diagonal().add_(a.Mask - 1);
        var inner = (a.RowSlopes * w).matmul(a.V.t());
        if (a.RowComplement)
        {
            // diag(l) V^T M / m2 = diag(l (f_A - 1)) V^T + diag(l) P diag(f_B) U_B^T.
            var l = a.Complement.unsqueeze(1);
            inner.add_((l * (a.Mask.unsqueeze(1) - 1)) * a.V.t()).add_((l * pf).matmul(b.U.t()));
        }
        return a.US.matmul(inner).mul_(2 * m2);
    }

    /// <summary>The image side at one position: W_B = U^T M U = m2 (P^T diag(f_A) P + diag(f_B - 1)) and M U = m2 (V_A diag(f_A) P + U_B diag(f_B - 1)).</summary>
    static Tensor ImageGradient(MapFactors a, MapFactors b, Tensor p, double m2)
    {
        var w = (p.t() * a.Mask).matmul(p);
        w.diagonal().add_(b.Mask - 1);
        var outer = b.U.matmul(b.ImageSlopes * w);
        if (b.ImageComplement)
        {
            var mu = (a.V * a.Mask).matmul(p).add_(b.U * (b.Mask - 1));
            outer.add_(mu * b.Complement.unsqueeze(0));
        }
        return b.TimesSVt(outer).mul_(2 * m2);
    }
}
