namespace HomalgNN.Analysis.Metrics;

/// <summary>Cuts every unit of a representation into histogram bin codes, one byte per sample.</summary>
internal static class UnitBinning
{
    /// <summary>
    /// Bin codes laid out unit by unit (<c>codes[unit * samples + sample]</c>) so the pair loop streams two
    /// contiguous byte runs. A constant unit gets the single code the rule assigns to its value.
    /// </summary>
    public static byte[] Codes(Representation representation, int bins, BinningRule rule)
    {
        var (n, d) = (representation.Samples, representation.Units);
        var codes = new byte[n * d];
        for (var u = 0; u < d; u++)
        {
            var column = representation.Column(u);
            var (min, max) = (column.Min(), column.Max());
            var range = max - min;
            var target = codes.AsSpan(u * n, n);
            for (var i = 0; i < n; i++)
            {
                target[i] = (byte)Code(column[i], min, range, bins, rule);
            }
        }

        return codes;
    }

    private static int Code(double value, double min, double range, int bins, BinningRule rule)
    {
        if (range == 0)
        {
            // numpy's digitize puts a constant unit above every (identical) edge, i.e. the last code.
            return rule == BinningRule.StudyDigitize ? bins - 1 : 0;
        }

        var widths = rule == BinningRule.StudyDigitize ? bins - 1 : bins;
        var code = (int)Math.Floor((value - min) / range * widths);
        return Math.Clamp(code, 0, bins - 1);
    }
}
