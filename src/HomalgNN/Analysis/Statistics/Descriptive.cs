namespace HomalgNN.Analysis.Statistics;

/// <summary>Mean and sample standard deviation of per-seed values.</summary>
public static class Descriptive
{
    /// <summary>Arithmetic mean; at least one value.</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 1);
        return values.Average();
    }

    /// <summary>Sample variance with the n - 1 divisor; at least two values.</summary>
    public static double SampleVariance(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 2);
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    /// <summary>Sample standard deviation with the n - 1 divisor; at least two values.</summary>
    public static double SampleStd(IReadOnlyList<double> values) => Math.Sqrt(SampleVariance(values));

    internal static void RequireAtLeast(IReadOnlyList<double> values, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < count)
        {
            throw new ArgumentException($"Need at least {count} value(s), got {values.Count}.", nameof(values));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Values must be finite (found NaN or infinity).", nameof(values));
        }
    }
}
