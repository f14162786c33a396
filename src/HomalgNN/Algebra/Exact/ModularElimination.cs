namespace HomalgNN.Algebra.Exact;

/// <summary>The row echelon form of an integer matrix mod a prime: its rank, pivot columns and (optionally reduced) pivot rows.</summary>
internal sealed record EchelonForm(int Rank, int[] PivotColumns, long[][] PivotRows);

/// <summary>Gaussian elimination over GF(p), the workhorse behind every exact rank.</summary>
internal static class ModularElimination
{
    /// <summary>
    /// Eliminates column by column. With <paramref name="reduced"/> the result is the reduced row echelon form
    /// (pivots 1, zeros above and below them), which the kernel certificate needs; otherwise only rows below a pivot are cleared.
    /// </summary>
    public static EchelonForm Echelon(IntegerMatrix matrix, PrimeField field, bool reduced)
    {
        int m = matrix.Rows, n = matrix.Columns;
        long p = field.P;
        long[] residues = matrix.ResiduesModulo(field);
        var rows = new long[m][];
        for (int i = 0; i < m; i++) rows[i] = residues.AsSpan(i * n, n).ToArray();

        // Lazy reduction: an entry in [0, p) that receives k updates f*y with f, y < p stays below p + k(p-1)^2,
        // so a row may take that many updates before it must be reduced; for small p this removes almost every '%'.
        long square = (p - 1) * (p - 1);
        long updatesBeforeReduce = square == 0 ? long.MaxValue : Math.Min((long.MaxValue - p) / square, int.MaxValue);
        bool lazy = updatesBeforeReduce >= 2;
        var pending = new long[m];
        var nonzero = new int[n];
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
            (pending[rank], pending[pivot]) = (pending[pivot], pending[rank]);

            // Normalise the pivot row to a leading 1 and list its nonzero entries right of the pivot.
            long[] pivotRow = rows[rank];
            long inverse = field.Inverse(pivotRow[col]);
            int count = 0;
            for (int c = col; c < n; c++)
            {
                long v = pivotRow[c] % p * inverse % p;
                pivotRow[c] = v;
                if (v != 0 && c > col) nonzero[count++] = c;
            }
            pending[rank] = 0;

            int first = reduced ? 0 : rank + 1;
            for (int i = first; i < m; i++)
            {
                if (i == rank) continue;
                long[] row = rows[i];
                long e = row[col] % p;
                row[col] = 0;
                if (e == 0) continue;
                long f = p - e; // row += f * pivotRow clears the pivot column mod p and keeps entries nonnegative
                if (lazy)
                {
                    for (int t = 0; t < count; t++) row[nonzero[t]] += f * pivotRow[nonzero[t]];
                    if (++pending[i] >= updatesBeforeReduce)
                    {
                        for (int c = col + 1; c < n; c++) row[c] %= p;
                        pending[i] = 0;
                    }
                }
                else
                {
                    for (int t = 0; t < count; t++)
                    {
                        int c = nonzero[t];
                        row[c] = (row[c] + f * pivotRow[c]) % p;
                    }
                }
            }
            pivotColumns.Add(col);
            rank++;
        }

        var pivotRows = new long[rank][];
        for (int i = 0; i < rank; i++)
        {
            long[] row = rows[i];
            for (int c = 0; c < n; c++) row[c] %= p;
            pivotRows[i] = row;
        }
        return new EchelonForm(rank, pivotColumns.ToArray(), pivotRows);
    }
}
