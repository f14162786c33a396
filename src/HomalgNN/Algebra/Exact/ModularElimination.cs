using System.Numerics;

namespace HomalgNN.Algebra.Exact;

/// <summary>The row echelon form of an integer matrix mod a prime: its rank, pivot columns and (optionally reduced) pivot rows.</summary>
internal sealed record EchelonForm(int Rank, int[] PivotColumns, long[][] PivotRows);

/// <summary>Gaussian elimination over GF(p), the workhorse behind every exact rank.</summary>
internal static class ModularElimination
{
    /// <summary>Eliminates column by column below each pivot; pivot rows come back scaled to a leading 1, entries in [0, p).</summary>
    public static EchelonForm Echelon(IntegerMatrix matrix, PrimeField field)
    {
        int m = matrix.Rows, n = matrix.Columns;
        long p = field.P;
        long[] residues = matrix.ResiduesModulo(field);
        var rows = new long[m][];
        for (int i = 0; i < m; i++) rows[i] = residues.AsSpan(i * n, n).ToArray();
        var updater = new RowUpdater(p, m, n);
        var pivotColumns = new List<int>();
        int rank = 0;

        for (int col = 0; col < n && rank < m; col++)
        {
            int pivot = -1;
            for (int i = rank; i < m; i++)
            {
                long v = rows[i][col] % p;
                rows[i][col] = v;
                if (v != 0) { pivot = i; break; }
            }
            if (pivot < 0) continue;
            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            updater.Swap(rank, pivot);
            updater.SetPivot(rows[rank], col, field.Inverse(rows[rank][col]));
            for (int i = rank + 1; i < m; i++) updater.Eliminate(rows[i], i);
            pivotColumns.Add(col);
            rank++;
        }
        for (int i = 0; i < rank; i++) updater.ReduceFully(rows[i], i);
        return new EchelonForm(rank, pivotColumns.ToArray(), rows[..rank]);
    }

    /// <summary>
    /// Back substitution: clears the entries above every pivot (in place), giving the reduced row echelon form that the
    /// kernel certificate reads kernel vectors from. Last pivot first, so no row reintroduces entries already cleared.
    /// </summary>
    public static EchelonForm Reduce(EchelonForm echelon, PrimeField field)
    {
        long[][] rows = echelon.PivotRows;
        if (rows.Length == 0) return echelon;
        var updater = new RowUpdater(field.P, rows.Length, rows[0].Length);
        for (int t = rows.Length - 1; t > 0; t--)
        {
            updater.SetPivot(rows[t], echelon.PivotColumns[t], 1);
            for (int h = 0; h < t; h++) updater.Eliminate(rows[h], h);
        }
        for (int i = 0; i < rows.Length; i++) updater.ReduceFully(rows[i], i);
        return echelon;
    }

    /// <summary>
    /// Applies "row -= row[col] * pivotRow" mod p. Lazy reduction: an entry in [0, p) that receives k updates f*y with
    /// f, y &lt; p stays below p + k(p-1)^2, so for small p a row can take many updates before it must be reduced,
    /// which removes almost every '%' from the inner loop.
    /// </summary>
    private sealed class RowUpdater(long p, int rowCount, int columnCount)
    {
        // At least 2 for every p below 2^31, since (p-1)^2 < 2^62.
        private readonly long _updatesBeforeReduce = p == 2 ? int.MaxValue : Math.Min((long.MaxValue - p) / ((p - 1) * (p - 1)), int.MaxValue);
        private readonly long[] _pending = new long[rowCount];
        private readonly int[] _support = new int[columnCount];
        private long[] _pivotRow = [];
        private int _pivotColumn, _supportCount;
        private bool _dense;

        public void Swap(int a, int b) => (_pending[a], _pending[b]) = (_pending[b], _pending[a]);

        /// <summary>Scales the pivot row so its pivot is 1 and records where it is nonzero right of the pivot.</summary>
        public void SetPivot(long[] pivotRow, int column, long inverse)
        {
            _pivotRow = pivotRow;
            _pivotColumn = column;
            _supportCount = 0;
            for (int c = column; c < pivotRow.Length; c++)
            {
                long v = pivotRow[c] % p * inverse % p;
                pivotRow[c] = v;
                if (v != 0 && c > column) _support[_supportCount++] = c;
            }
            // A dense pivot row is faster as a straight loop than through its index list.
            _dense = 2 * _supportCount > pivotRow.Length - column - 1;
        }

        public void Eliminate(long[] row, int index)
        {
            long e = row[_pivotColumn] % p;
            row[_pivotColumn] = 0;
            if (e == 0) return;
            long f = p - e; // adding f * pivotRow clears the pivot column and keeps every entry nonnegative
            if (_dense) AddMultiple(row.AsSpan(_pivotColumn + 1), _pivotRow.AsSpan(_pivotColumn + 1), f);
            else
                for (int t = 0; t < _supportCount; t++) row[_support[t]] += f * _pivotRow[_support[t]];
            // Entries left of the pivot column are already reduced (or zero): only the suffix can have grown.
            if (++_pending[index] >= _updatesBeforeReduce) ReduceFrom(row, index, _pivotColumn + 1);
        }

        /// <summary>target += f * source, vectorised: the inner loop of dense elimination.</summary>
        private static void AddMultiple(Span<long> target, ReadOnlySpan<long> source, long f)
        {
            int c = 0;
            if (Vector.IsHardwareAccelerated && target.Length >= Vector<long>.Count)
            {
                var factor = new Vector<long>(f);
                for (; c <= target.Length - Vector<long>.Count; c += Vector<long>.Count)
                    (new Vector<long>(target[c..]) + factor * new Vector<long>(source[c..])).CopyTo(target[c..]);
            }
            for (; c < target.Length; c++) target[c] += f * source[c];
        }

        public void ReduceFully(long[] row, int index) => ReduceFrom(row, index, 0);

        private void ReduceFrom(long[] row, int index, int start)
        {
            for (int c = start; c < row.Length; c++) row[c] %= p;
            _pending[index] = 0;
        }
    }
}
