namespace HomalgNN.Algebra;

/// <summary>Threshold below which a singular value counts as zero: absolute, or relative to the map's largest singular value.</summary>
public readonly record struct Tolerance(double Value, bool IsRelative)
{
    /// <summary>The study's default: singular values below 1e-3 are zero.</summary>
    public static Tolerance Default => Absolute(1e-3);

    /// <summary>Singular values below <paramref name="eps"/> are zero.</summary>
    public static Tolerance Absolute(double eps) => new(Check(eps), false);

    /// <summary>Singular values below <paramref name="factor"/> times the largest are zero.</summary>
    public static Tolerance Relative(double factor) => new(Check(factor), true);

    /// <summary>The absolute threshold for a map whose largest singular value is <paramref name="sigmaMax"/>.</summary>
    public double ThresholdFor(double sigmaMax) => IsRelative ? Value * sigmaMax : Value;

    static double Check(double v) =>
        double.IsFinite(v) && v > 0 ? v : throw new ArgumentOutOfRangeException(nameof(v), $"tolerance must be a positive finite number, got {v}");

    public override string ToString() => IsRelative ? $"{Value:g} x sigma_max" : $"{Value:g}";
}
