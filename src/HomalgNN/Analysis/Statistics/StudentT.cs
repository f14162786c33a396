namespace HomalgNN.Analysis.Statistics;

/// <summary>Student's t distribution with real degrees of freedom (Welch's are not integers).</summary>
public static class StudentT
{
    /// <summary>P(T &gt; |t|) + P(T &lt; -|t|) = I_x(df/2, 1/2) with x = df / (df + t^2), computed without cancellation.</summary>
    public static double TwoSidedTail(double t, double degreesOfFreedom)
    {
        RequireDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            throw new ArgumentException("t is NaN.", nameof(t));
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        var denominator = degreesOfFreedom + (t * t);
        return SpecialFunctions.RegularisedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / denominator, t * t / denominator);
    }

    /// <summary>P(T &lt;= t).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        var tail = 0.5 * TwoSidedTail(t, degreesOfFreedom);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T &lt;= t) = p, found by bisection on the tail probability to full double precision.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        RequireDegreesOfFreedom(degreesOfFreedom);
        if (!(p is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"p must lie in (0, 1), got {p}.");
        }

        if (p == 0.5)
        {
            return 0;
        }

        // Solve on the upper half by symmetry: the positive t whose two-sided tail is 2 min(p, 1 - p).
        var tail = 2 * Math.Min(p, 1 - p);
        var (low, high) = (0.0, 1.0);
        while (TwoSidedTail(high, degreesOfFreedom) > tail)
        {
            (low, high) = (high, 2 * high);
        }

        for (var step = 0; step < 200 && high - low > 1e-15 * high; step++)
        {
            var mid = 0.5 * (low + high);
            if (TwoSidedTail(mid, degreesOfFreedom) > tail)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var t = 0.5 * (low + high);
        return p > 0.5 ? t : -t;
    }

    private static void RequireDegreesOfFreedom(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), $"Degrees of freedom must be positive and finite, got {degreesOfFreedom}.");
        }
    }
}
