namespace HomalgNN.Analysis.Statistics;

/// <summary>A mean with its sample standard deviation and Student-t confidence interval; null where n = 1 allows none.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Sample standard deviation (n - 1 divisor); null for n = 1.</param>
/// <param name="Lower">Lower end of the interval; null for n = 1.</param>
/// <param name="Upper">Upper end of the interval; null for n = 1.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
public sealed record MeanEstimate(int N, double Mean, double? Std, double? Lower, double? Upper, double Level)
{
    /// <summary>mean +- t_{(1 + level)/2, n - 1} s / sqrt(n).</summary>
    public static MeanEstimate Of(IReadOnlyList<double> values, double level = 0.95)
    {
        Descriptive.RequireAtLeast(values, 1);
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), $"Level must lie in (0, 1), got {level}.");
        }

        var mean = Descriptive.Mean(values);
        if (values.Count == 1)
        {
            return new MeanEstimate(1, mean, null, null, null, level);
        }

        var std = Descriptive.SampleStd(values);
        var halfWidth = StudentT.Quantile((1 + level) / 2, values.Count - 1) * std / Math.Sqrt(values.Count);
        return new MeanEstimate(values.Count, mean, std, mean - halfWidth, mean + halfWidth, level);
    }
}
