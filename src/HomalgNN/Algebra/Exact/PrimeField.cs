namespace HomalgNN.Algebra.Exact;

/// <summary>Arithmetic in the finite field GF(p) = Z/pZ for a prime p below 2^31; elements are longs in [0, p).</summary>
public sealed class PrimeField
{
    /// <summary>The characteristic p (prime).</summary>
    public int P { get; }

    /// <summary>GF(p); a p that is not prime throws ArgumentException("p = 9 is not prime").</summary>
    public PrimeField(int p)
    {
        if (!IsPrime(p)) throw new ArgumentException($"p = {p} is not prime");
        P = p;
    }

    /// <summary>Deterministic primality by trial division (enough for anything below 2^62 we meet here).</summary>
    public static bool IsPrime(long n)
    {
        if (n < 2) return false;
        if (n < 4) return true;
        if (n % 2 == 0 || n % 3 == 0) return false;
        for (long d = 5; d <= n / d; d += 6)
            if (n % d == 0 || n % (d + 2) == 0) return false;
        return true;
    }

    /// <summary>The residue of any integer, in [0, p).</summary>
    public long Reduce(long value)
    {
        long r = value % P;
        return r < 0 ? r + P : r;
    }

    public long Add(long a, long b) => Reduce(a + b);
    public long Subtract(long a, long b) => Reduce(a - b);
    public long Negate(long a) => Reduce(-a);
    // Operands are below 2^31, so the product fits in a long before reduction.
    public long Multiply(long a, long b) => Reduce(Reduce(a) * Reduce(b));

    /// <summary>The inverse of a nonzero element (extended Euclid); 0 throws.</summary>
    public long Inverse(long a)
    {
        long r1 = Reduce(a);
        if (r1 == 0) throw new DivideByZeroException($"0 has no inverse in GF({P})");
        long r0 = P, t0 = 0, t1 = 1;
        while (r1 != 0)
        {
            long q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        return Reduce(t0);
    }

    public long Divide(long a, long b) => Multiply(a, Inverse(b));

    public override string ToString() => $"GF({P})";
}
