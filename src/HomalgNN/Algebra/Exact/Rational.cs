using System.Numerics;

namespace HomalgNN.Algebra.Exact;

/// <summary>An exact rational number p/q with BigInteger parts, always in lowest terms with q &gt; 0.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _denominator; // 0 only in default(Rational), which reads as 0/1

    /// <summary>The numerator (carries the sign).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, always positive.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public static Rational Zero => new(BigInteger.Zero);
    public static Rational One => new(BigInteger.One);

    /// <summary>The integer n as n/1.</summary>
    public Rational(BigInteger integer)
    {
        Numerator = integer;
        _denominator = BigInteger.One;
    }

    /// <summary>numerator/denominator reduced to lowest terms; a zero denominator throws.</summary>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("a rational number cannot have denominator 0");
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        BigInteger g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }
        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public bool IsZero => Numerator.IsZero;
    public bool IsInteger => Denominator.IsOne;
    public int Sign => Numerator.Sign;

    public static implicit operator Rational(long value) => new(value);
    public static implicit operator Rational(BigInteger value) => new(value);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static Rational operator /(Rational a, Rational b) =>
        b.IsZero ? throw new DivideByZeroException("division of a rational number by 0")
                 : new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>The multiplicative inverse; 0 throws.</summary>
    public Rational Reciprocal() => One / this;

    // Both parts are in lowest terms with positive denominators, so equality is equality of parts.
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public override string ToString() => IsInteger ? Numerator.ToString() : $"{Numerator}/{Denominator}";

    /// <summary>
    /// Rational reconstruction: the fraction a/b with |a|, b &lt;= sqrt((m-1)/2) and a ≡ r·b (mod m), or null when
    /// none exists. Such a fraction is unique, which is what lets a residue mod a large prime stand for a small fraction.
    /// </summary>
    public static Rational? FromResidue(long residue, long modulus)
    {
        if (modulus < 2) throw new ArgumentOutOfRangeException(nameof(modulus), $"modulus must be at least 2, got {modulus}");
        long bound = IntegerSquareRoot((modulus - 1) / 2);
        long r0 = modulus, r1 = ((residue % modulus) + modulus) % modulus;
        long t0 = 0, t1 = 1;
        // Extended Euclid on (m, r), stopped at the first remainder within the bound (Wang's algorithm).
        while (r1 > bound)
        {
            long q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (t1 == 0 || Math.Abs(t1) > bound) return null;
        if (BigInteger.GreatestCommonDivisor(t1, r1) != BigInteger.One) return null;
        return new Rational(r1, t1);
    }

    /// <summary>floor(sqrt(n)) for n &gt;= 0, by integer Newton steps (no floating point).</summary>
    internal static long IntegerSquareRoot(long n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"no square root of {n}");
        if (n < 2) return n;
        long x = n, y = (x + 1) / 2;
        while (y < x)
        {
            x = y;
            y = (x + n / x) / 2;
        }
        return x;
    }
}
