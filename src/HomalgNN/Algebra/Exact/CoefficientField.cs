using System.Globalization;

namespace HomalgNN.Algebra.Exact;

/// <summary>The field of coefficients for exact ranks and homology: the rationals Q or a prime field GF(p).</summary>
public sealed class CoefficientField : IEquatable<CoefficientField>
{
    private CoefficientField(PrimeField? primeField) => PrimeField = primeField;

    /// <summary>The rational numbers (characteristic 0).</summary>
    public static CoefficientField Q { get; } = new(null);

    /// <summary>The prime field GF(p); a p that is not prime throws ArgumentException("p = 9 is not prime").</summary>
    public static CoefficientField GF(int p) => new(new PrimeField(p));

    /// <summary>GF(p) arithmetic, or null for Q.</summary>
    public PrimeField? PrimeField { get; }

    /// <summary>0 for Q, p for GF(p).</summary>
    public int Characteristic => PrimeField?.P ?? 0;

    public bool IsRational => PrimeField is null;

    /// <summary>Reads "Q", "GF2", "GF(3)", "GF7" (case-insensitive); anything else throws ArgumentException.</summary>
    public static CoefficientField Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        if (t.Equals("Q", StringComparison.OrdinalIgnoreCase)) return Q;
        if (t.StartsWith("GF", StringComparison.OrdinalIgnoreCase))
        {
            string digits = t[2..];
            if (digits.StartsWith('(') && digits.EndsWith(')')) digits = digits[1..^1];
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int p))
                    throw new ArgumentException($"p = {digits} is too large: GF(p) needs p < 2^31");
                return GF(p);
            }
        }
        throw new ArgumentException($"unknown field '{text}': use Q, GF2 or GF<p> with p prime (e.g. GF3)");
    }

    public bool Equals(CoefficientField? other) => other is not null && Characteristic == other.Characteristic;
    public override bool Equals(object? obj) => Equals(obj as CoefficientField);
    public override int GetHashCode() => Characteristic;

    public override string ToString() => PrimeField is null ? "Q" : $"GF({PrimeField.P})";
}
