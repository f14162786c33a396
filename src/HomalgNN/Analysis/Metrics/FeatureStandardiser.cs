namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// Per-unit standardisation (x - mean) / std with mean and population std taken from training rows only, so the
/// held-out fold leaks nothing into the probe; a constant unit keeps scale 1, as sklearn's StandardScaler.
/// </summary>
internal sealed class FeatureStandardiser
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    private FeatureStandardiser(double[] mean, double[] scale) => (_mean, _scale) = (mean, scale);

    /// <summary>Statistics of the given rows.</summary>
    public static FeatureStandardiser Fit(Representation representation, IReadOnlyList<int> rows)
    {
        var d = representation.Units;
        var (mean, scale) = (new double[d], new double[d]);
        foreach (var i in rows)
        {
            for (var u = 0; u < d; u++)
            {
                mean[u] += representation[i, u];
            }
        }

        for (var u = 0; u < d; u++)
        {
            mean[u] /= rows.Count;
        }

        foreach (var i in rows)
        {
            for (var u = 0; u < d; u++)
            {
                var centred = representation[i, u] - mean[u];
                scale[u] += centred * centred;
            }
        }

        for (var u = 0; u < d; u++)
        {
            var std = Math.Sqrt(scale[u] / rows.Count);
            scale[u] = std > 0 ? std : 1;
        }

        return new FeatureStandardiser(mean, scale);
    }

    /// <summary>The given rows, standardised, row-major.</summary>
    public double[] Transform(Representation representation, IReadOnlyList<int> rows)
    {
        var d = representation.Units;
        var result = new double[rows.Count * d];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var u = 0; u < d; u++)
            {
                result[(r * d) + u] = (representation[rows[r], u] - _mean[u]) / _scale[u];
            }
        }

        return result;
    }
}
