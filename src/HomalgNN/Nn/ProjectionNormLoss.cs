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
        bool withGradient = torch.is_grad_enabled() && maps.Any(m => m.requires_grad);
        var (value, grads) = ValueAndGradients(maps, options, withGradient);
        var loss = torch.tensor(value, dtype: maps[0].dtype);
        if (!withGradient) return loss;
        for (int j = 0; j < maps.Count; j++)
        {
            if (!maps[j].requires_grad) continue;
            // A map whose every position is saturated has gradient exactly zero; it stays in the graph so backward() works as usual.
            loss = grads[j] is { } g ? loss + ((maps[j] - maps[j].detach()) * g.to(maps[j].dtype)).sum() : loss + maps[j].sum() * 0.0;
        }
        return loss;
    }

    /// <summary>
    /// The loss's value and, when <paramref name="withGradient"/>, each map's gradient in float64 (null where it is exactly zero),
    /// computed without autograd: a training loop can add the gradients to the maps' own after its backward pass.
    /// With <paramref name="cores"/>, the map whose decomposition costs most, and the gradient terms it takes part in, go to
    /// the second thread; the result does not depend on whether the two threads run at once.
    /// </summary>
    public static (double Value, Tensor?[] Gradients) ValueAndGradients(IReadOnlyList<Tensor> maps, ExactnessLossOptions options, bool withGradient,
        CorePair? cores = null)
    {
        int k = maps.Count;
        using var noGrad = torch.no_grad();
        var plan = new Plan(maps, options, withGradient);
        (cores ?? CorePair.Serial).Run(
            thread => { for (int j = 0; j < k; j++) if (plan.Owner(j) == thread) plan.Inspect(j); },
            thread => { for (int j = 0; j < k; j++) if (plan.Owner(j) == thread && plan.NeedsFactors(j)) plan.Factor(j); },
            thread => { for (int i = 0; i + 1 < k; i++) plan.Position(i, thread); });
        plan.RememberSmallest();
        double value = plan.Values.Sum();
        // Summed as the positions come, i = 0, 1, ...: d_j's image term (position j - 1) first, then its row-space term (position j).
        var grads = new Tensor?[k];
        for (int j = 0; j < k && withGradient; j++)
        {
            if (j > 0 && plan.WroteImage[j - 1]) grads[j] = plan.ImageTerms[j - 1];
            if (j + 1 < k && plan.WroteRow[j]) grads[j] = Add(grads[j], plan.RowTerms[j]!);
        }
        return (value, grads);
    }

    /// <summary>The work of one evaluation: which maps are saturated, their factors, and each position's value and gradient terms.</summary>
    sealed class Plan(IReadOnlyList<Tensor> maps, ExactnessLossOptions options, bool withGradient)
    {
        readonly int _k = maps.Count;
        readonly Tensor[] _a64 = new Tensor[maps.Count];
        readonly Tensor[] _grams = new Tensor[maps.Count];
        readonly bool[] _saturated = new bool[maps.Count];
        readonly MapFactors?[] _factors = new MapFactors?[maps.Count];
        readonly int _heaviest = Enumerable.Range(0, maps.Count).MaxBy(j => Math.Pow(Math.Min(maps[j].shape[0], maps[j].shape[1]), 3))!;

        /// <summary>c_i ||D||^2 of each position i.</summary>
        public double[] Values { get; } = new double[maps.Count - 1];

        // Each position's gradient terms, d_i's (row space) and d_{i+1}'s (image), are written into tensors made on the caller's
        // thread, which outlive the two threads' scopes; WroteRow/WroteImage say which are non-zero.
        public Tensor?[] RowTerms { get; } = Terms(maps, withGradient, 0);
        public Tensor?[] ImageTerms { get; } = Terms(maps, withGradient, 1);
        public bool[] WroteRow { get; } = new bool[maps.Count - 1];
        public bool[] WroteImage { get; } = new bool[maps.Count - 1];

        static Tensor?[] Terms(IReadOnlyList<Tensor> maps, bool withGradient, int offset) =>
            Enumerable.Range(0, maps.Count - 1).Select(i => withGradient ? torch.empty(maps[i + offset].shape, dtype: ScalarType.Float64) : null).ToArray();

        /// <summary>0 or 1: the thread that inspects, decomposes and prepares d_j.</summary>
        public int Owner(int j) => j == _heaviest && _k > 1 ? 1 : 0;

        long N(int i) => maps[i].shape[1];
        double C(int i) => (options.WeightByDimension ? 1.0 / N(i) : 1.0) * (options.Normalize ? 1.0 / (_k - 1) : 1.0);
        // A saturated map of full rank onto C_{i+1} (row space of a tall d_i, image of a wide d_{i+1}) has the identity
        // as its projector there, constant near the map: its gradient is zero and it needs no decomposition.
        bool RowSpaceIsAll(int i) => _saturated[i] && maps[i].shape[0] >= N(i);
        bool ImageIsAll(int i) => _saturated[i + 1] && maps[i + 1].shape[1] >= N(i);
        // With one projector the identity, D is the other projector, ||D||^2 = sum f^2 = its rank when it is saturated too.
        bool ValueIsRank(int i) => (ImageIsAll(i) && _saturated[i]) || (RowSpaceIsAll(i) && _saturated[i + 1]);

        /// <summary>The map in float64, its smaller Gram matrix and whether it is saturated.</summary>
        public void Inspect(int j)
        {
            _a64[j] = MapFactors.Float64(maps[j]);
            _grams[j] = MaskSaturation.SmallerGram(_a64[j]);
            _saturated[j] = MaskSaturation.Holds(maps[j], _grams[j], options.Epsilon);
        }

        /// <summary>Whether some position needs d_j's factors: as the row space at position j or the image at position j - 1.</summary>
        public bool NeedsFactors(int j) =>
            (j + 1 < _k && !ValueIsRank(j) && !RowSpaceIsAll(j)) || (j > 0 && !ValueIsRank(j - 1) && !ImageIsAll(j - 1));

        /// <summary>Decomposes d_j and computes everything later read of its factors, so that the other thread only reads them.</summary>
        public void Factor(int j)
        {
            var f = MapFactors.Of(_a64[j], _grams[j], options.Epsilon);
            bool rowSide = j + 1 < _k && !ValueIsRank(j) && !RowSpaceIsAll(j);
            bool imageSide = j > 0 && !ValueIsRank(j - 1) && !ImageIsAll(j - 1);
            f.Prepare(rowSide, imageSide && withGradient && !UsesFewActive(f));
            _factors[j] = f;
        }

        /// <summary>Hands each decomposition's smallest s^2 to the saturation certificate (on the calling thread, after the work).</summary>
        public void RememberSmallest()
        {
            for (int j = 0; j < _k; j++)
                if (_factors[j] is { } f) MaskSaturation.Remember(maps[j], f.SmallestLambda);
        }

        MapFactors RowSide(int i) => RowSpaceIsAll(i) ? MapFactors.Identity(N(i), options.Epsilon) : _factors[i]!;
        MapFactors ImageSide(int i) => ImageIsAll(i) ? MapFactors.Identity(N(i), options.Epsilon) : _factors[i + 1]!;

        /// <summary>This thread's share of position i: the value and image term go with d_{i+1}'s owner, the row-space term with d_i's.</summary>
        public void Position(int i, int thread)
        {
            bool value = Owner(i + 1) == thread;
            bool row = withGradient && Owner(i) == thread && !RowSpaceIsAll(i);
            bool image = withGradient && Owner(i + 1) == thread && !ImageIsAll(i);
            if (ImageIsAll(i) && _saturated[i]) { if (value) Values[i] = C(i) * Math.Min(maps[i].shape[0], N(i)); return; }
            if (RowSpaceIsAll(i) && _saturated[i + 1]) { if (value) Values[i] = C(i) * Math.Min(maps[i + 1].shape[1], N(i)); return; }
            if (!value && !row && !image) return;
            var a = RowSpaceIsAll(i) ? MapFactors.Identity(N(i), options.Epsilon) : _factors[i]!;
            var b = ImageIsAll(i) ? MapFactors.Identity(N(i), options.Epsilon) : _factors[i + 1]!;
            // The overlap P = V_A^T U_B, with diag(f_A) P and P diag(f_B).
            var p = a.V.t().matmul(b.U);
            var fp = a.Mask.unsqueeze(1) * p;
            var pg = p * b.Mask;
            // sum_jk f_Aj P_jk^2 f_Bk is the sum of the product of diag(f_A) P and P diag(f_B).
            if (value) Values[i] = C(i) * (a.MaskSquares + b.MaskSquares + N(i) - 2 * a.MaskSum - 2 * b.MaskSum + 2 * (fp * pg).sum().item<double>());
            if (row && RowSpaceGradient(a, b, p, pg, 4 * C(i)) is { } g) { RowTerms[i]!.copy_(g); WroteRow[i] = true; }
            if (image && ImageGradient(a, b, p, fp, 4 * C(i)) is { } h) { ImageTerms[i]!.copy_(h); WroteImage[i] = true; }
        }
    }

    static Tensor Add(Tensor? a, Tensor b) => a is null ? b : a.add_(b);

    /// <summary>
    /// The row-space side at one position, A = d_i with V = V_A, f = f_A, against the image side's U_B and g = f_B, P = V^T U_B:
    /// m U_A S_A [(L_A o W) V^T + diag(l) (P diag(g) U_B^T - P diag(g) P^T V^T)] with W = diag(f - 1) + P diag(g) P^T, the
    /// second term only where the row space has a complement. Null when both terms vanish (every direction flat, no complement).
    /// </summary>
    static Tensor? RowSpaceGradient(MapFactors a, MapFactors b, Tensor p, Tensor pg, double m)
    {
        bool active = a.Active.Length > 0;
        if (!active && !a.RowComplement) return null;
        var w = pg.matmul(p.t());
        Tensor coef;
        if (active)
        {
            coef = a.Slopes * w;
            coef.diagonal().add_(a.Slopes.diagonal() * (a.Mask - 1));
            if (a.RowComplement) coef.sub_(a.Complement.unsqueeze(1) * w);
        }
        else coef = w.mul_(-a.Complement.unsqueeze(1));
        var inner = coef.matmul(a.V.t());
        if (a.RowComplement) inner.add_((a.Complement.unsqueeze(1) * pg).matmul(b.U.t()));
        return a.US.matmul(inner).mul_(m);
    }

    /// <summary>
    /// The image side at one position, B = d_{i+1} with U = U_B, g = f_B, against the row-space side's V_A and f = f_A:
    /// m [U (L_B o W) + (V_A diag(f) P - U P^T diag(f) P) diag(l)] S_B V_B^T with W = diag(g - 1) + P^T diag(f) P, the second
    /// term only where the image has a complement (B tall). Null when both terms vanish.
    /// </summary>
    static Tensor? ImageGradient(MapFactors a, MapFactors b, Tensor p, Tensor fp, double m)
    {
        bool active = b.Active.Length > 0;
        if (!active && !b.ImageComplement) return null;
        if (UsesFewActive(b)) return FewActiveImageGradient(b, p, fp, m);
        var w = p.t().matmul(fp);
        Tensor? outer = null;
        if (active)
        {
            var k = b.Slopes * w;
            k.diagonal().add_(b.Slopes.diagonal() * (b.Mask - 1));
            outer = b.U.matmul(k);
        }
        if (b.ImageComplement)
        {
            var mu = a.V.matmul(fp).sub_(b.U.matmul(w)).mul_(b.Complement.unsqueeze(0));
            outer = outer is null ? mu : outer.add_(mu);
        }
        return outer!.matmul(b.SVt).mul_(m);
    }

    /// <summary>Whether <see cref="ImageGradient"/> of <paramref name="b"/> takes <see cref="FewActiveImageGradient"/> (which needs no S V^T).</summary>
    static bool UsesFewActive(MapFactors b) => b.Active.Length > 0 && !b.ImageComplement && 4 * b.Active.Length <= b.Rank;

    /// <summary>
    /// <see cref="ImageGradient"/> for a map whose U is square (its image fills C_{i+1}) with few active directions S: then
    /// K = L_B o W is non-zero only in the rows and columns S, S_B V_B^T = U^T B, and U K U^T = R U_S^T + U_S R^T with
    /// R = U K_{:,S} - U_S K_SS / 2, so the gradient m (R (U_S^T B) + U_S (R^T B)) needs products of width |S| only.
    /// </summary>
    static Tensor FewActiveImageGradient(MapFactors b, Tensor p, Tensor fp, double m)
    {
        var s = torch.tensor(b.Active.Select(j => (long)j).ToArray());
        var wS = p.t().matmul(fp.index_select(1, s));
        var kS = b.Slopes.index_select(1, s).mul_(wS);
        // The diagonal of W carries g - 1: at row S[t] of column t.
        var diag = b.Slopes.diagonal().index_select(0, s) * (b.Mask.index_select(0, s) - 1);
        var rowsOfS = kS.index_select(0, s);
        rowsOfS.diagonal().add_(diag);
        kS.index_copy_(0, s, rowsOfS);
        var uS = b.U.index_select(1, s);
        var r = b.U.matmul(kS).sub_(uS.matmul(rowsOfS).mul_(0.5));
        var map = b.Map;
        return r.matmul(uS.t().matmul(map)).add_(uS.matmul(r.t().matmul(map))).mul_(m);
    }
}
