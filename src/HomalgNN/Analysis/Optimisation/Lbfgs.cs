namespace HomalgNN.Analysis.Optimisation;

/// <summary>
/// Limited-memory BFGS for smooth unconstrained minimisation: two-loop recursion for the direction and a
/// backtracking Armijo line search with quadratic interpolation. The Armijo-only search is enough because the
/// objectives here are convex, where every step has s.y &gt;= 0; pairs with s.y &lt;= 0 are skipped anyway.
/// </summary>
internal static class Lbfgs
{
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 50;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    public static LbfgsResult Minimise(SmoothObjective objective, double[] start, LbfgsOptions options)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = objective(x, g);
        var trial = new double[n];
        var trialGradient = new double[n];
        var direction = new double[n];
        var history = new CorrectionHistory(options.Memory, n);

        for (var iteration = 0; ; iteration++)
        {
            if (MaxAbs(g) <= options.GradientTolerance)
            {
                return new LbfgsResult(x, fx, iteration, true, "gradient below tolerance");
            }

            if (iteration == options.MaxIterations)
            {
                return new LbfgsResult(x, fx, iteration, false, "iteration limit");
            }

            history.Direction(g, direction);
            var slope = Dot(g, direction);
            if (!(slope < 0))
            {
                // The curvature pairs no longer give a descent direction: restart from steepest descent.
                history.Clear();
                history.Direction(g, direction);
                slope = Dot(g, direction);
            }

            // Without curvature information the first step is scaled to unit length, as in scipy's L-BFGS-B.
            var step = history.Count == 0 ? Math.Min(1, 1 / Math.Sqrt(Dot(g, g))) : 1;
            double fTrial;
            for (var backtrack = 0; ; backtrack++)
            {
                for (var k = 0; k < n; k++)
                {
                    trial[k] = x[k] + (step * direction[k]);
                }

                fTrial = objective(trial, trialGradient);
                if (fTrial <= fx + (Armijo * step * slope))
                {
                    break;
                }

                if (backtrack == MaxBacktracks)
                {
                    return new LbfgsResult(x, fx, iteration, false, "line search found no decrease");
                }

                step = Backtrack(step, slope, fx, fTrial);
            }

            history.Push(x, trial, g, trialGradient);
            var reduction = (fx - fTrial) / Math.Max(Math.Max(Math.Abs(fx), Math.Abs(fTrial)), 1);
            (x, trial) = (trial, x);
            (g, trialGradient) = (trialGradient, g);
            fx = fTrial;
            if (reduction <= options.RelativeReductionTolerance)
            {
                return new LbfgsResult(x, fx, iteration + 1, true, "relative reduction of f below tolerance");
            }
        }
    }

    /// <summary>Minimiser of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of the old step.</summary>
    private static double Backtrack(double step, double slope, double f0, double fStep)
    {
        var curvature = fStep - f0 - (slope * step);
        var proposal = curvature > 0 ? -slope * step * step / (2 * curvature) : 0.5 * step;
        return double.IsFinite(proposal) ? Math.Clamp(proposal, 0.1 * step, 0.5 * step) : 0.5 * step;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
