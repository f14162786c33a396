using System.Numerics;

namespace HomalgNN.Algebra.Exact;

/// <summary>An immutable dense matrix of 64-bit integers; products are exact (overflow throws, never wraps).</summary>
public sealed class IntegerMatrix
{
    private readonly long[] _entries; // row-major

    /// <summary>A copy of the given entries.</summary>
    public IntegerMatrix(long[,] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Rows = entries.GetLength(0);
        Columns = entries.GetLength(1);
        _entries = new long[Rows * Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
                _entries[i * Columns + j] = entries[i, j];
    }

    /// <summary>A copy of the given entries.</summary>
    public IntegerMatrix(int[,] entries) : this(Widen(entries)) { }

    private IntegerMatrix(int rows, int columns, long[] entries)
    {
        Rows = rows;
        Columns = columns;
        _entries = entries;
    }

    /// <summary>The rows x columns zero matrix.</summary>
    public static IntegerMatrix Zero(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return new IntegerMatrix(rows, columns, new long[rows * columns]);
    }

    public int Rows { get; }
    public int Columns { get; }

    public long this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
                throw new IndexOutOfRangeException($"entry ({row},{column}) is outside a {Rows}x{Columns} matrix");
            return _entries[row * Columns + column];
        }
    }

    /// <summary>Shape as "rows x columns" text, e.g. "32x64".</summary>
    public string Shape => $"{Rows}x{Columns}";

    public bool IsZero => Array.TrueForAll(_entries, e => e == 0);

    /// <summary>A fresh copy of the entries.</summary>
    public long[,] ToArray() => Unflatten(e => e);

    /// <summary>The entries as doubles (exact for magnitudes below 2^53), for numeric code that wants float64 maps.</summary>
    public double[,] ToDoubleArray() => Unflatten(e => (double)e);

    private T[,] Unflatten<T>(Func<long, T> convert)
    {
        var result = new T[Rows, Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
                result[i, j] = convert(_entries[i * Columns + j]);
        return result;
    }

    /// <summary>The exact rank over the field (see <see cref="ExactRank"/>).</summary>
    public int Rank(CoefficientField field) => ExactRank.Of(this, field);

    /// <summary>The exact product this · other; an entry beyond 64 bits throws OverflowException.</summary>
    public IntegerMatrix Multiply(IntegerMatrix other)
    {
        Int128[] wide = WideProduct(other);
        var entries = new long[wide.Length];
        for (int t = 0; t < wide.Length; t++)
        {
            if (wide[t] > long.MaxValue || wide[t] < long.MinValue)
                throw new OverflowException($"the product of a {Shape} and a {other.Shape} integer matrix has entries beyond 64 bits");
            entries[t] = (long)wide[t];
        }
        return new IntegerMatrix(Rows, other.Columns, entries);
    }

    /// <summary>The product this · other with every entry reduced into [0, p) (never overflows).</summary>
    public IntegerMatrix MultiplyModulo(IntegerMatrix other, PrimeField field)
    {
        CheckInnerDimensions(other);
        int n = other.Columns;
        var entries = new long[Rows * n];
        ForEachProductTerm(ResiduesModulo(field), other, other.ResiduesModulo(field),
            (t, x, y) => entries[t] = (entries[t] + x * y) % field.P); // x, y < p < 2^31: no overflow
        return new IntegerMatrix(Rows, n, entries);
    }

    /// <summary>The first entry (row-major) of this · other that is nonzero (mod p when a field is given), or null.</summary>
    public (int Row, int Column, BigInteger Value)? FirstNonzeroOfProduct(IntegerMatrix other, PrimeField? field = null)
    {
        if (field is not null)
        {
            IntegerMatrix product = MultiplyModulo(other, field);
            for (int t = 0; t < product._entries.Length; t++)
                if (product._entries[t] != 0) return (t / product.Columns, t % product.Columns, product._entries[t]);
            return null;
        }
        Int128[] wide = WideProduct(other);
        for (int t = 0; t < wide.Length; t++)
            if (wide[t] != 0) return (t / other.Columns, t % other.Columns, (BigInteger)wide[t]);
        return null;
    }

    internal long[] ResiduesModulo(PrimeField field)
    {
        var residues = new long[_entries.Length];
        for (int t = 0; t < residues.Length; t++) residues[t] = field.Reduce(_entries[t]);
        return residues;
    }

    /// <summary>The squared Euclidean norm of every row and of every column (exact), for determinant bounds.</summary>
    internal (BigInteger[] Rows, BigInteger[] Columns) SquaredNorms()
    {
        var rows = new BigInteger[Rows];
        var columns = new BigInteger[Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
            {
                long e = _entries[i * Columns + j];
                if (e == 0) continue;
                BigInteger square = (BigInteger)e * e;
                rows[i] += square;
                columns[j] += square;
            }
        return (rows, columns);
    }

    /// <summary>For each column, its nonzero entries as (row, value) pairs.</summary>
    internal (int Row, long Value)[][] SparseColumns()
    {
        var columns = new List<(int, long)>[Columns];
        for (int j = 0; j < Columns; j++) columns[j] = [];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
            {
                long e = _entries[i * Columns + j];
                if (e != 0) columns[j].Add((i, e));
            }
        return Array.ConvertAll(columns, c => c.ToArray());
    }

    private Int128[] WideProduct(IntegerMatrix other)
    {
        CheckInnerDimensions(other);
        var wide = new Int128[Rows * other.Columns];
        // A 64x64-bit product always fits in 128 bits; only the running sum can overflow.
        ForEachProductTerm(_entries, other, other._entries, (t, x, y) => wide[t] = checked(wide[t] + (Int128)x * y));
        return wide;
    }

    /// <summary>
    /// Calls add(i * n + j, a[i,k], b[k,j]) for every term of the product a · b with both factors nonzero, where a has
    /// this matrix's shape and b the other's; boundary matrices are sparse, so skipping zeros is most of the speed.
    /// </summary>
    private void ForEachProductTerm(long[] a, IntegerMatrix other, long[] b, Action<int, long, long> add)
    {
        CheckInnerDimensions(other);
        int n = other.Columns;
        var support = new int[other.Rows][];
        for (int k = 0; k < other.Rows; k++)
            support[k] = Enumerable.Range(0, n).Where(j => b[k * n + j] != 0).ToArray();
        for (int i = 0; i < Rows; i++)
            for (int k = 0; k < Columns; k++)
            {
                long aik = a[i * Columns + k];
                if (aik == 0) continue;
                foreach (int j in support[k]) add(i * n + j, aik, b[k * n + j]);
            }
    }

    private void CheckInnerDimensions(IntegerMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Columns != other.Rows)
            throw new ArgumentException($"cannot multiply a {Shape} by a {other.Shape} matrix: {Columns} columns against {other.Rows} rows");
    }

    private static long[,] Widen(int[,] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var wide = new long[entries.GetLength(0), entries.GetLength(1)];
        for (int i = 0; i < entries.GetLength(0); i++)
            for (int j = 0; j < entries.GetLength(1); j++)
                wide[i, j] = entries[i, j];
        return wide;
    }
}
