namespace HomalgNN.Algebra.Npy;

/// <summary>A numeric array read from a .npy file, held in C (row-major) order whatever its fortran_order.</summary>
public sealed class NpyArray
{
    private readonly int[] _shape;
    private readonly double[] _values;
    private readonly long[]? _integers; // exact values when the dtype is an integer type

    internal NpyArray(string source, string dtype, int[] shape, bool fortranOrder, double[] values, long[]? integers)
    {
        Source = source;
        Dtype = dtype;
        _shape = shape;
        FortranOrder = fortranOrder;
        _values = values;
        _integers = integers;
    }

    /// <summary>The file (or stream name) it came from.</summary>
    public string Source { get; }

    /// <summary>The dtype descriptor from the header, e.g. "&lt;f8".</summary>
    public string Dtype { get; }

    /// <summary>The shape from the header; () for a scalar.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>Whether the file stored the data in Fortran (column-major) order.</summary>
    public bool FortranOrder { get; }

    /// <summary>Whether the dtype is an integer (or boolean) type.</summary>
    public bool IsIntegerType => _integers is not null;

    /// <summary>All values in C order (a copy).</summary>
    public double[] Values => (double[])_values.Clone();

    /// <summary>The array as a matrix; anything but a 2-D array throws InvalidDataException naming the file.</summary>
    public double[,] ToMatrix()
    {
        RequireMatrix();
        var m = new double[_shape[0], _shape[1]];
        Buffer.BlockCopy(_values, 0, m, 0, _values.Length * sizeof(double));
        return m;
    }

    /// <summary>
    /// The matrix with exact integer entries, when it has them: an integer dtype, or floats that are all whole numbers
    /// of magnitude below 2^53 (where doubles hold integers exactly). Otherwise false. Non-2-D arrays throw.
    /// </summary>
    public bool TryGetIntegerMatrix(out long[,] matrix)
    {
        RequireMatrix();
        matrix = new long[_shape[0], _shape[1]];
        const double Exact = 9007199254740992.0; // 2^53
        for (int t = 0; t < _values.Length; t++)
        {
            long value;
            if (_integers is not null) value = _integers[t];
            else
            {
                double v = _values[t];
                if (!double.IsFinite(v) || Math.Abs(v) >= Exact || v != Math.Floor(v)) return false;
                value = (long)v;
            }
            matrix[t / _shape[1], t % _shape[1]] = value;
        }
        return true;
    }

    private void RequireMatrix()
    {
        if (_shape.Length != 2)
            throw new InvalidDataException($"{Source}: expected a 2-D array (a boundary matrix), got shape ({string.Join(", ", _shape)})");
    }
}
