namespace HomalgNN.Analysis.Statistics;

/// <summary>
/// Builds a table comparing arms (training variants) on metrics measured once per seed. The first arm added is the
/// reference: every other arm gets its relative change, a two-sided p-value and a significance flag against it.
/// Tests are not corrected for multiplicity across metrics or arms.
/// </summary>
/// <param name="level">Confidence level of the intervals of the means.</param>
/// <param name="alpha">Significance threshold of the p-values.</param>
/// <param name="permutationBelow">An arm with fewer values than this is compared by a permutation test instead of Welch's.</param>
/// <param name="seed">Seed of Monte Carlo permutation tests (used only for pools too large to enumerate).</param>
public sealed class Comparison(double level = 0.95, double alpha = 0.05, int permutationBelow = 5, int seed = 12345)
{
    private readonly List<(string Arm, Dictionary<string, List<double>> Metrics)> _arms = [];
    private readonly List<string> _metrics = [];

    /// <summary>Adds an arm with its per-seed values of each metric; arms keep the order in which they are added.</summary>
    public Comparison AddArm(string arm, IReadOnlyDictionary<string, IReadOnlyList<double>> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var (metric, values) in metrics)
        {
            Add(arm, metric, values);
        }

        return this;
    }

    /// <summary>Appends per-seed values of one metric to an arm, creating either if new.</summary>
    public Comparison Add(string arm, string metric, IEnumerable<double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(arm);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(values);
        var index = _arms.FindIndex(a => a.Arm == arm);
        if (index < 0)
        {
            _arms.Add((arm, new Dictionary<string, List<double>>()));
            index = _arms.Count - 1;
        }

        var byMetric = _arms[index].Metrics;
        if (!byMetric.TryGetValue(metric, out var list))
        {
            byMetric[metric] = list = [];
        }

        if (!_metrics.Contains(metric))
        {
            _metrics.Add(metric);
        }

        list.AddRange(values);
        return this;
    }

    /// <summary>One row per metric, in the order metrics were first added; every arm must have every metric.</summary>
    public ComparisonTable Build()
    {
        if (_arms.Count == 0)
        {
            throw new InvalidOperationException("A comparison needs at least one arm.");
        }

        var rows = new List<ComparisonRow>();
        foreach (var metric in _metrics)
        {
            var values = _arms.Select(a => (a.Arm, Values: Values(a.Arm, a.Metrics, metric))).ToList();
            var summaries = values.Select(v => Summarise(v.Arm, v.Values)).ToList();
            var (reference, referenceValues) = values[0];
            var contrasts = values.Skip(1)
                .Select(v => ArmContrast.Compute(v.Arm, v.Values, reference, referenceValues, alpha, permutationBelow, seed))
                .ToList();
            rows.Add(new ComparisonRow(metric, summaries, contrasts));
        }

        return new ComparisonTable(_arms.Select(a => a.Arm).ToList(), level, alpha, rows);
    }

    private static List<double> Values(string arm, Dictionary<string, List<double>> metrics, string metric)
    {
        if (!metrics.TryGetValue(metric, out var values) || values.Count == 0)
        {
            throw new InvalidOperationException($"Arm '{arm}' has no values for metric '{metric}'.");
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new InvalidOperationException($"Arm '{arm}' has a NaN or infinite value for metric '{metric}'.");
        }

        return values;
    }

    private ArmSummary Summarise(string arm, List<double> values)
    {
        var estimate = MeanEstimate.Of(values, level);
        return new ArmSummary(arm, estimate.N, estimate.Mean, estimate.Std, estimate.Lower, estimate.Upper);
    }
}
