namespace HomalgNN.Algebra.Exact;

/// <summary>The primes below 2^26 in decreasing order, found on demand and cached; the moduli for ranks over Q.</summary>
internal static class PrimeSequence
{
    // Below 2^26 the square (p-1)^2 < 2^52 leaves room for about 2000 lazy updates per row in a long.
    private const long Start = 1L << 26;
    private static readonly List<PrimeField> Found = [];
    private static readonly Lock Gate = new();

    /// <summary>The index-th prime below 2^26, counting down from the largest (index 0).</summary>
    public static PrimeField Get(int index)
    {
        lock (Gate)
        {
            long candidate = Found.Count == 0 ? Start - 1 : Found[^1].P - 2L;
            if (candidate % 2 == 0) candidate--;
            while (Found.Count <= index)
            {
                if (candidate < 3) throw new InvalidOperationException("ran out of primes below 2^26 for the multi-modular rank");
                if (PrimeField.IsPrime(candidate)) Found.Add(new PrimeField((int)candidate));
                candidate -= 2;
            }
            return Found[index];
        }
    }
}
