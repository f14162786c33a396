namespace HomalgNN.Analysis.Statistics;

/// <summary>
/// Two-sided permutation test of equal means: how often a random relabelling of the pooled values gives a
/// difference of means at least as large in absolute value as the observed one. Assumes only exchangeability under
/// the null, so it stays valid for a handful of seeds and for zero-variance samples where Welch's t is undefined.
/// </summary>
public static class PermutationTest
{
    /// <summary>Up to this many splits are enumerated exactly (20 pooled values split 10/10 give 184,756).</summary>
    public const long DefaultExactLimit = 200_000;

    /// <summary>Random splits drawn when exact enumeration would exceed the limit.</summary>
    public const int DefaultResamples = 100_000;

    /// <summary>
    /// Exact p = (splits at least as extreme) / (all splits), or, beyond <paramref name="exactLimit"/> splits,
    /// p = (1 + extreme random splits) / (1 + resamples) from <paramref name="resamples"/> seeded shuffles.
    /// Splits whose difference equals the observed one up to rounding count as at least as extreme.
    /// </summary>
    public static TestOutcome Compute(
        IReadOnlyList<double> a,
        IReadOnlyList<double> b,
        int seed = 12345,
        long exactLimit = DefaultExactLimit,
        int resamples = DefaultResamples)
    {
        Descriptive.RequireAtLeast(a, 1);
        Descriptive.RequireAtLeast(b, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);

        // Centre on the pooled mean: the statistic is unchanged and rounding stays relative to the spread.
        var pooledMean = a.Concat(b).Average();
        var pooled = a.Concat(b).Select(v => v - pooledMean).ToArray();
        var split = new SplitStatistic(pooled, b.Count);
        var observed = split.Difference(b.Sum(v => v - pooledMean));
        var spread = pooled.Max(Math.Abs);
        var threshold = Math.Abs(observed) - (1e-9 * spread);

        var arrangements = BinomialCoefficient(pooled.Length, b.Count);
        if (arrangements <= exactLimit)
        {
            var (extreme, atMaximum, maximum) = (0L, 0L, double.NegativeInfinity);
            foreach (var difference in split.AllDifferences())
            {
                var size = Math.Abs(difference);
                extreme += size >= threshold ? 1 : 0;
                if (size > maximum + (1e-9 * spread))
                {
                    (maximum, atMaximum) = (size, 1);
                }
                else if (size >= maximum - (1e-9 * spread))
                {
                    atMaximum++;
                }
            }

            var total = (long)arrangements;
            return new TestOutcome(TestMethod.ExactPermutation, observed, null, (double)extreme / total, total, (double)atMaximum / total);
        }

        var random = new Random(seed);
        var count = 0L;
        for (var r = 0; r < resamples; r++)
        {
            random.Shuffle(pooled);
            var secondSum = 0.0;
            for (var i = 0; i < b.Count; i++)
            {
                secondSum += pooled[i];
            }

            count += Math.Abs(split.Difference(secondSum)) >= threshold ? 1 : 0;
        }

        return new TestOutcome(TestMethod.MonteCarloPermutation, observed, null, (double)(count + 1) / (resamples + 1), resamples);
    }

    /// <summary>C(n, k) as a double, which is exact far beyond any limit used here.</summary>
    private static double BinomialCoefficient(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return Math.Round(result);
    }

    /// <summary>Differences of means, second group minus first, for splits of a pooled sample into the first n - k and a k-member second group.</summary>
    private sealed class SplitStatistic(double[] pooled, int secondSize)
    {
        private readonly double _total = pooled.Sum();

        public double Difference(double secondSum) =>
            (secondSum / secondSize) - ((_total - secondSum) / (pooled.Length - secondSize));

        /// <summary>The difference for every k-subset of the pooled values taken as the second group.</summary>
        public IEnumerable<double> AllDifferences()
        {
            var chosen = new int[secondSize];
            var sums = new double[secondSize + 1];
            var depth = 0;
            chosen[0] = -1;

            // Iterative enumeration of increasing index tuples; sums[j] holds the sum of the first j chosen values.
            while (depth >= 0)
            {
                chosen[depth]++;
                if (chosen[depth] > pooled.Length - (secondSize - depth))
                {
                    depth--;
                    continue;
                }

                sums[depth + 1] = sums[depth] + pooled[chosen[depth]];
                if (depth == secondSize - 1)
                {
                    yield return Difference(sums[secondSize]);
                }
                else
                {
                    depth++;
                    chosen[depth] = chosen[depth - 1];
                }
            }
        }
    }
}
