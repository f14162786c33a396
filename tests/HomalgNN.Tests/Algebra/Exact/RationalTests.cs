using System.Numerics;
using HomalgNN.Algebra.Exact;

namespace HomalgNN.Tests.Algebra.Exact;

public class RationalTests
{
    [Fact]
    public void Constructor_UnreducedNegativeDenominator_IsNormalised()
    {
        var r = new Rational(6, -4);
        Assert.Equal(new BigInteger(-3), r.Numerator);
        Assert.Equal(new BigInteger(2), r.Denominator);
        Assert.Equal("-3/2", r.ToString());
    }

    [Fact]
    public void Arithmetic_Fractions_AreExact()
    {
        Rational a = new(1, 3), b = new(1, 6);
        Assert.Equal(new Rational(1, 2), a + b);
        Assert.Equal(new Rational(1, 6), a - b);
        Assert.Equal(new Rational(1, 18), a * b);
        Assert.Equal(new Rational(2), a / b);
        Assert.True(a > b);
        Assert.True((a - a).IsZero);
        Assert.Equal(Rational.One, (a * 3));
    }

    [Fact]
    public void ZeroDenominatorOrDivisionByZero_Throws()
    {
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));
        Assert.Throws<DivideByZeroException>(() => Rational.One / Rational.Zero);
    }

    [Fact]
    public void Default_ReadsAsZero()
    {
        Rational d = default;
        Assert.True(d.IsZero);
        Assert.Equal(BigInteger.One, d.Denominator);
        Assert.Equal(Rational.Zero, d);
    }

    [Theory]
    [InlineData(-7, 11)]
    [InlineData(5, 3)]
    [InlineData(0, 1)]
    [InlineData(2896, 2895)]
    public void FromResidue_SmallFraction_IsRecovered(long numerator, long denominator)
    {
        const long p = 67108859; // a prime below 2^26
        var field = new PrimeField((int)p);
        long residue = field.Divide(field.Reduce(numerator), denominator);
        Assert.Equal(new Rational(numerator, denominator), Rational.FromResidue(residue, p));
    }

    [Fact]
    public void FromResidue_FractionTooLarge_IsNotRecovered()
    {
        // A residue of a large fraction usually also matches some small fraction: reconstruction alone proves
        // nothing, which is why the rank certificate re-checks its lifted vectors over Z.
        const long p = 67108859;
        var field = new PrimeField((int)p);
        long residue = field.Divide(99991, 30021);
        Rational? r = Rational.FromResidue(residue, p);
        Assert.NotEqual(new Rational(99991, 30021), r);
        if (r is { } small) Assert.Equal(residue, field.Divide(field.Reduce((long)small.Numerator), (long)small.Denominator));
    }

    [Fact]
    public void FromResidue_EveryResidueModSmallPrime_IsNullOrSmallAndCongruent()
    {
        const long p = 101; // fractions a/b with |a|, b <= 7
        var field = new PrimeField((int)p);
        int nulls = 0;
        for (long residue = 0; residue < p; residue++)
        {
            Rational? r = Rational.FromResidue(residue, p);
            if (r is not { } value) { nulls++; continue; }
            Assert.InRange((long)value.Numerator, -7, 7);
            Assert.InRange((long)value.Denominator, 1, 7);
            Assert.Equal(residue, field.Divide(field.Reduce((long)value.Numerator), (long)value.Denominator));
        }
        Assert.InRange(nulls, 1, (int)p - 1);
    }
}
