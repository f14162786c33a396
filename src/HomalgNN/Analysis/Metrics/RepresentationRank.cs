using static TorchSharp.torch;

namespace HomalgNN.Analysis.Metrics;

/// <summary>Effective rank and spectrum shape of a representation: SVD of the column-centred matrix, in float64.</summary>
public static class RepresentationRank
{
    /// <summary>The study's threshold for counting a singular value (absolute, not relative).</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Computes the singular values of the centred representation and their summaries.</summary>
    public static RankResult Compute(Representation representation, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        return FromSingularValues(SingularValues(representation), tolerance);
    }

    /// <summary>The summaries of a given spectrum (descending or not); exposed so spectra from elsewhere compare alike.</summary>
    public static RankResult FromSingularValues(double[] singularValues, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(singularValues);
        if (singularValues.Length == 0)
        {
            throw new ArgumentException("A spectrum needs at least one singular value.", nameof(singularValues));
        }

        var s = singularValues.OrderDescending().ToArray();
        var effective = s.Count(v => v > tolerance);
        var sum = s.Sum();
        var sumSquares = s.Sum(v => v * v);
        var participation = sumSquares > 0 ? sum * sum / sumSquares : 0;
        var entropy = 0.0;
        if (sum > 0)
        {
            foreach (var v in s)
            {
                var p = v / sum;
                if (p > 0)
                {
                    entropy -= p * Math.Log(p);
                }
            }
        }

        return new RankResult(s, tolerance, effective, (double)effective / s.Length, participation, entropy);
    }

    private static double[] SingularValues(Representation representation)
    {
        using var scope = NewDisposeScope();
        var centred = representation.ToCentredTensor();
        return linalg.svdvals(centred).data<double>().ToArray();
    }
}
