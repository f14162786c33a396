namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// Entanglement of a layer: mean off-diagonal normalised mutual information between its units, from a histogram
/// estimate. For units X, Y binned into codes, NMI = I(X;Y) / H(X,Y) with I = H(X) + H(Y) - H(X,Y), entropies in
/// bits; 0/0 (both units constant) is defined as 0, and a non-constant unit with itself gives exactly 1.
/// </summary>
public static class Entanglement
{
    /// <summary>Computes the pairwise NMI matrix and its off-diagonal mean.</summary>
    public static EntanglementResult Compute(Representation representation, EntanglementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(representation);
        options ??= new EntanglementOptions();
        if (options.Bins is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Bins must be 1..256, got {options.Bins}.");
        }

        if (options.SampleSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"SampleSize must be positive, got {options.SampleSize}.");
        }

        if (representation.Units < 2)
        {
            throw new ArgumentException("Entanglement needs at least two units: it averages over pairs of distinct units.", nameof(representation));
        }

        var sample = representation.Samples > options.SampleSize
            ? representation.SelectRows(RowSubsample.Choose(representation.Samples, options.SampleSize, options.Seed))
            : representation;

        var nmi = PairwiseNmi(sample, options.Bins, options.Rule);
        return new EntanglementResult(nmi, OffDiagonalMean(nmi), sample.Samples, options.Seed, options);
    }

    private static double[][] PairwiseNmi(Representation sample, int bins, BinningRule rule)
    {
        var (n, d) = (sample.Samples, sample.Units);
        var codes = UnitBinning.Codes(sample, bins, rule);

        // Row offsets into the flattened bins x bins joint histogram, computed once per unit rather than per pair.
        var rowOffsets = new ushort[codes.Length];
        for (var k = 0; k < codes.Length; k++)
        {
            rowOffsets[k] = (ushort)(codes[k] * bins);
        }

        var countTimesLog = CountTimesLog2Table(n);
        var marginal = new double[d];
        var counts = new int[bins];
        for (var u = 0; u < d; u++)
        {
            Array.Clear(counts);
            foreach (var c in codes.AsSpan(u * n, n))
            {
                counts[c]++;
            }

            marginal[u] = EntropyAndClear(counts, n, countTimesLog);
        }

        var nmi = new double[d][];
        for (var u = 0; u < d; u++)
        {
            nmi[u] = new double[d];
        }

        Parallel.For(
            0,
            d,
            () => new int[bins * bins],
            (i, _, joint) =>
            {
                nmi[i][i] = Normalised(marginal[i], marginal[i], marginal[i]);
                var rows = rowOffsets.AsSpan(i * n, n);
                for (var j = i + 1; j < d; j++)
                {
                    var columns = codes.AsSpan(j * n, n);
                    for (var s = 0; s < n; s++)
                    {
                        joint[rows[s] + columns[s]]++;
                    }

                    var value = Normalised(marginal[i], marginal[j], EntropyAndClear(joint, n, countTimesLog));
                    nmi[i][j] = value;
                    nmi[j][i] = value;
                }

                return joint;
            },
            _ => { });
        return nmi;
    }

    /// <summary>I / H(X,Y); mutual information is clamped at 0 because rounding can leave it at -1e-16.</summary>
    private static double Normalised(double hx, double hy, double hxy) =>
        hxy > 0 ? Math.Max(0, hx + hy - hxy) / hxy : 0;

    /// <summary>
    /// Entropy in bits of a histogram with <paramref name="total"/> counts, H = log2 n - (1/n) sum c log2 c,
    /// zeroing the histogram for reuse.
    /// </summary>
    private static double EntropyAndClear(Span<int> histogram, int total, double[] countTimesLog)
    {
        var sum = 0.0;
        for (var k = 0; k < histogram.Length; k++)
        {
            sum += countTimesLog[histogram[k]];
            histogram[k] = 0;
        }

        return Math.Log2(total) - (sum / total);
    }

    private static double[] CountTimesLog2Table(int n)
    {
        var table = new double[n + 1];
        for (var c = 1; c <= n; c++)
        {
            table[c] = c * Math.Log2(c);
        }

        return table;
    }

    private static double OffDiagonalMean(double[][] matrix)
    {
        var d = matrix.Length;
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                if (i != j)
                {
                    sum += matrix[i][j];
                }
            }
        }

        return sum / ((double)d * (d - 1));
    }
}
