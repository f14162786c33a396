using System.Numerics;

namespace HomalgNN.Algebra.Exact;

/// <summary>Exact rank of an integer matrix over Q or GF(p), by Gaussian elimination mod primes (no floating point).</summary>
public static class ExactRank
{
    /// <summary>The rank of the matrix over the field.</summary>
    public static int Of(long[,] matrix, CoefficientField field) => Of(new IntegerMatrix(matrix), field);

    /// <summary>
    /// The rank of the matrix over the field. GF(p): elimination mod p. Q: the rank mod a prime is a lower bound (a
    /// minor nonzero mod p is nonzero); it is proved exact either by a kernel certificate or, failing that, by ranks
    /// mod further primes until their product exceeds the Hadamard bound on every larger minor.
    /// </summary>
    public static int Of(IntegerMatrix matrix, CoefficientField field)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(field);
        if (matrix.Rows == 0 || matrix.Columns == 0) return 0;
        if (field.PrimeField is { } prime) return ModularElimination.Echelon(matrix, prime).Rank;
        return OverRationals(matrix);
    }

    private static int OverRationals(IntegerMatrix matrix)
    {
        int full = Math.Min(matrix.Rows, matrix.Columns);
        PrimeField first = PrimeSequence.Get(0);
        EchelonForm echelon = ModularElimination.Echelon(matrix, first);
        if (echelon.Rank == full) return full; // a nonzero full-size minor mod p is nonzero over Z
        if (KernelCertificate.Holds(matrix, ModularElimination.Reduce(echelon, first), first)) return echelon.Rank;
        return MultiModular(matrix, echelon.Rank, first.P);
    }

    /// <summary>
    /// If rank over Q exceeded r, some (r+1)-minor D would be nonzero with |D| &lt;= H (Hadamard: the product of the
    /// r+1 largest column norms, or row norms). Every prime with rank &lt;= r divides D, so once their product P
    /// exceeds H the rank is r. The test P^2 &gt; H^2 keeps everything in integers.
    /// </summary>
    private static int MultiModular(IntegerMatrix matrix, int rank, long firstPrime)
    {
        int full = Math.Min(matrix.Rows, matrix.Columns);
        (BigInteger[] rowSquares, BigInteger[] columnSquares) = matrix.SquaredNorms();
        BigInteger[] columnNorms = Descending(columnSquares), rowNorms = Descending(rowSquares);
        BigInteger product = firstPrime;
        for (int index = 1; rank < full; index++)
        {
            BigInteger bound = BigInteger.Min(ProductOfFirst(columnNorms, rank + 1), ProductOfFirst(rowNorms, rank + 1));
            if (product * product > bound) break;
            PrimeField prime = PrimeSequence.Get(index);
            rank = Math.Max(rank, ModularElimination.Echelon(matrix, prime).Rank);
            product *= prime.P;
        }
        return rank;
    }

    private static BigInteger[] Descending(BigInteger[] values)
    {
        Array.Sort(values);
        Array.Reverse(values);
        return values;
    }

    private static BigInteger ProductOfFirst(BigInteger[] values, int count)
    {
        BigInteger product = BigInteger.One;
        for (int i = 0; i < count && i < values.Length; i++) product *= values[i];
        return product;
    }
}
