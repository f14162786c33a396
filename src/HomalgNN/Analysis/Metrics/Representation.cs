using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Analysis.Metrics;

/// <summary>A representation matrix: one row per sample, one column per unit, stored row-major in float64.</summary>
public sealed class Representation
{
    private readonly double[] _values;

    private Representation(double[] values, int samples, int units)
    {
        _values = values;
        Samples = samples;
        Units = units;
    }

    /// <summary>Number of samples (rows), N.</summary>
    public int Samples { get; }

    /// <summary>Number of units (columns), D.</summary>
    public int Units { get; }

    /// <summary>The entry of sample <paramref name="sample"/> at unit <paramref name="unit"/>.</summary>
    public double this[int sample, int unit] => _values[(sample * Units) + unit];

    /// <summary>Copies a row-major array of <paramref name="samples"/> x <paramref name="units"/> values.</summary>
    public static Representation FromRowMajor(ReadOnlySpan<double> values, int samples, int units)
    {
        if (samples < 1 || units < 1)
        {
            throw new ArgumentException($"A representation needs at least one sample and one unit, got {samples} x {units}.");
        }

        if (values.Length != samples * units)
        {
            throw new ArgumentException($"Expected {samples} x {units} = {samples * units} values, got {values.Length}.", nameof(values));
        }

        var copy = values.ToArray();
        foreach (var v in copy)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("A representation must hold finite values only (found NaN or infinity).", nameof(values));
            }
        }

        return new Representation(copy, samples, units);
    }

    /// <summary>Copies an N x D matrix of doubles.</summary>
    public static Representation FromMatrix(double[,] matrix) => Flatten(matrix);

    /// <summary>Copies an N x D matrix of floats, widening to float64.</summary>
    public static Representation FromMatrix(float[,] matrix) => Flatten(matrix);

    private static Representation Flatten<T>(T[,] matrix)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var (n, d) = (matrix.GetLength(0), matrix.GetLength(1));
        var flat = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                flat[(i * d) + j] = double.CreateChecked(matrix[i, j]);
            }
        }

        return FromRowMajor(flat, n, d);
    }

    /// <summary>Copies an N x D tensor (any floating dtype, any device) to float64.</summary>
    public static Representation FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 2)
        {
            throw new ArgumentException($"Expected a 2-D tensor (samples x units), got {tensor.dim()} dimensions.", nameof(tensor));
        }

        using var scope = NewDisposeScope();
        var flat = tensor.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        return FromRowMajor(flat, (int)tensor.shape[0], (int)tensor.shape[1]);
    }

    /// <summary>The values of one unit across all samples.</summary>
    public double[] Column(int unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, Units);
        var column = new double[Samples];
        for (var i = 0; i < Samples; i++)
        {
            column[i] = _values[(i * Units) + unit];
        }

        return column;
    }

    /// <summary>A new representation holding the given rows, in the given order.</summary>
    public Representation SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var flat = new double[rows.Count * Units];
        for (var r = 0; r < rows.Count; r++)
        {
            Array.Copy(_values, rows[r] * Units, flat, r * Units, Units);
        }

        return new Representation(flat, rows.Count, Units);
    }

    /// <summary>A float64 N x D tensor of the values; the caller owns it.</summary>
    public Tensor ToTensor() => torch.tensor(_values, [Samples, Units], ScalarType.Float64);

    /// <summary>A float64 tensor of the values with each column's mean subtracted; the caller owns it.</summary>
    internal Tensor ToCentredTensor()
    {
        using var raw = ToTensor();
        return raw - raw.mean([0], keepdim: true);
    }
}
