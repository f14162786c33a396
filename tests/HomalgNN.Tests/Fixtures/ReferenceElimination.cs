using HomalgNN.Algebra.Exact;

namespace HomalgNN.Tests.Fixtures;

/// <summary>
/// Deliberately plain Gaussian elimination over Q (with Rational) and over GF(p), independent of the library's
/// modular machinery, as an oracle for its ranks.
/// </summary>
public static class ReferenceElimination
{
    /// <summary>Reduced row echelon form over Q; returns the pivot columns and the reduced rows.</summary>
    public static (List<int> Pivots, Rational[,] Reduced) RowReduce(long[,] a)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        var r = new Rational[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) r[i, j] = a[i, j];
        var pivots = new List<int>();
        int row = 0;
        for (int col = 0; col < n && row < m; col++)
        {
            int p = row;
            while (p < m && r[p, col].IsZero) p++;
            if (p == m) continue;
            for (int j = 0; j < n; j++) (r[row, j], r[p, j]) = (r[p, j], r[row, j]);
            Rational pivot = r[row, col];
            for (int j = 0; j < n; j++) r[row, j] /= pivot;
            for (int i = 0; i < m; i++)
            {
                if (i == row || r[i, col].IsZero) continue;
                Rational f = r[i, col];
                for (int j = 0; j < n; j++) r[i, j] -= f * r[row, j];
            }
            pivots.Add(col);
            row++;
        }
        return (pivots, r);
    }

    public static int RankOverQ(long[,] a) => RowReduce(a).Pivots.Count;

    public static int RankModP(long[,] a, int p)
    {
        var field = new PrimeField(p);
        int m = a.GetLength(0), n = a.GetLength(1);
        var r = new long[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) r[i, j] = field.Reduce(a[i, j]);
        int row = 0;
        for (int col = 0; col < n && row < m; col++)
        {
            int piv = row;
            while (piv < m && r[piv, col] == 0) piv++;
            if (piv == m) continue;
            for (int j = 0; j < n; j++) (r[row, j], r[piv, j]) = (r[piv, j], r[row, j]);
            for (int i = row + 1; i < m; i++)
            {
                long f = field.Divide(r[i, col], r[row, col]);
                for (int j = 0; j < n; j++) r[i, j] = field.Subtract(r[i, j], field.Multiply(f, r[row, j]));
            }
            row++;
        }
        return row;
    }

    public static int Rank(long[,] a, CoefficientField field) =>
        field.PrimeField is null ? RankOverQ(a) : RankModP(a, field.Characteristic);

    /// <summary>A basis of the kernel over Q, one column per basis vector (n x nullity).</summary>
    public static Rational[,] KernelBasis(long[,] a)
    {
        int n = a.GetLength(1);
        (List<int> pivots, Rational[,] reduced) = RowReduce(a);
        int[] free = Enumerable.Range(0, n).Where(c => !pivots.Contains(c)).ToArray();
        var basis = new Rational[n, free.Length];
        for (int t = 0; t < free.Length; t++)
        {
            for (int c = 0; c < n; c++) basis[c, t] = Rational.Zero;
            basis[free[t], t] = Rational.One;
            for (int i = 0; i < pivots.Count; i++) basis[pivots[i], t] = -reduced[i, free[t]];
        }
        return basis;
    }

    /// <summary>Rank over Q of a rational matrix (by clearing each column's denominators, which keeps the rank).</summary>
    public static int RankOverQ(Rational[,] a)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        var scaled = new long[m, n];
        for (int j = 0; j < n; j++)
        {
            System.Numerics.BigInteger lcm = 1;
            for (int i = 0; i < m; i++) lcm = lcm / System.Numerics.BigInteger.GreatestCommonDivisor(lcm, a[i, j].Denominator) * a[i, j].Denominator;
            for (int i = 0; i < m; i++) scaled[i, j] = (long)(a[i, j].Numerator * (lcm / a[i, j].Denominator));
        }
        return RankOverQ(scaled);
    }
}
