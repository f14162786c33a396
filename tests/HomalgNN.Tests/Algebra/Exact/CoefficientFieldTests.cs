using HomalgNN.Algebra.Exact;

namespace HomalgNN.Tests.Algebra.Exact;

public class CoefficientFieldTests
{
    [Theory]
    [InlineData("Q", 0)]
    [InlineData("q", 0)]
    [InlineData("GF2", 2)]
    [InlineData("GF(3)", 3)]
    [InlineData("gf7", 7)]
    [InlineData("GF2147483647", 2147483647)]
    public void Parse_ValidNames_GiveCharacteristic(string text, int characteristic) =>
        Assert.Equal(characteristic, CoefficientField.Parse(text).Characteristic);

    [Theory]
    [InlineData(9)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2147483646)]
    public void GF_NonPrime_ThrowsNamingP(int p)
    {
        var e = Assert.Throws<ArgumentException>(() => CoefficientField.GF(p));
        Assert.Equal($"p = {p} is not prime", e.Message);
    }

    [Theory]
    [InlineData("R")]
    [InlineData("GF")]
    [InlineData("GFx")]
    [InlineData("GF99999999999")]
    public void Parse_Unknown_Throws(string text) => Assert.Throws<ArgumentException>(() => CoefficientField.Parse(text));

    [Fact]
    public void PrimeField_Arithmetic_IsModular()
    {
        var f = new PrimeField(7);
        Assert.Equal(5, f.Reduce(-2));
        Assert.Equal(1, f.Multiply(f.Inverse(3), 3));
        Assert.Equal(6, f.Negate(1));
        Assert.Equal(4, f.Divide(1, 2));
        for (long a = 1; a < 7; a++) Assert.Equal(1, f.Multiply(a, f.Inverse(a)));
        Assert.Throws<DivideByZeroException>(() => f.Inverse(14));
    }

    [Fact]
    public void Equality_ByCharacteristic()
    {
        Assert.Equal(CoefficientField.GF(5), CoefficientField.Parse("GF(5)"));
        Assert.NotEqual(CoefficientField.Q, CoefficientField.GF(2));
        Assert.Equal("GF(2)", CoefficientField.GF(2).ToString());
        Assert.Equal("Q", CoefficientField.Q.ToString());
    }
}
