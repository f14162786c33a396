using System.Numerics;

namespace HomalgNN.Algebra.Exact;

/// <summary>
/// Proves rank over Q &lt;= r from a reduced echelon form mod p of rank r: lifts each of the n - r kernel vectors mod p to
/// a rational vector and checks exactly over Z that the matrix kills it. The lifted vectors are independent (each has a 1
/// in its own free column and 0 in the others), so success shows nullity over Q &gt;= n - r.
/// </summary>
internal static class KernelCertificate
{
    public static bool Holds(IntegerMatrix matrix, EchelonForm echelon, PrimeField field)
    {
        int m = matrix.Rows, n = matrix.Columns, r = echelon.Rank;
        var isPivot = new bool[n];
        foreach (int c in echelon.PivotColumns) isPivot[c] = true;
        (int Row, long Value)[][] columns = matrix.SparseColumns();
        var product = new Int128[m];
        var lifted = new List<(int Column, Rational Value)>();

        for (int free = 0; free < n; free++)
        {
            if (isPivot[free]) continue;
            // Mod p the kernel vector is e_free - sum_i R[i, free] e_{pivot i}; lift each entry to a small fraction.
            lifted.Clear();
            BigInteger commonDenominator = BigInteger.One;
            for (int i = 0; i < r; i++)
            {
                long entry = echelon.PivotRows[i][free];
                if (entry == 0) continue;
                Rational? value = Rational.FromResidue(field.P - entry, field.P);
                if (value is null) return false;
                lifted.Add((echelon.PivotColumns[i], value.Value));
                commonDenominator = commonDenominator / BigInteger.GreatestCommonDivisor(commonDenominator, value.Value.Denominator) * value.Value.Denominator;
            }
            if (commonDenominator > long.MaxValue) return false;
            long scale = (long)commonDenominator;

            Array.Clear(product);
            try
            {
                AddColumn(product, columns[free], scale);
                foreach ((int column, Rational value) in lifted)
                {
                    BigInteger w = value.Numerator * (commonDenominator / value.Denominator);
                    if (w > long.MaxValue || w < long.MinValue) return false;
                    AddColumn(product, columns[column], (long)w);
                }
            }
            catch (OverflowException)
            {
                return false; // too large to check in 128 bits: let the multi-modular bound decide instead
            }
            foreach (Int128 v in product)
                if (v != 0) return false;
        }
        return true;
    }

    private static void AddColumn(Int128[] product, (int Row, long Value)[] column, long weight)
    {
        foreach ((int row, long value) in column)
            product[row] = checked(product[row] + (Int128)value * weight);
    }
}
