namespace HomalgNN.Analysis.Statistics;

/// <summary>Log-gamma and the regularised incomplete beta function, the pieces of the Student t distribution.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation with g = 7 and nine coefficients: about 15 significant digits for x > 0.
    private const double LanczosG = 7;

    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Gamma(x) for x > 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"LogGamma needs x > 0, got {x}.");
        }

        if (x < 0.5)
        {
            // Reflection Gamma(x) Gamma(1 - x) = pi / sin(pi x): the series is accurate only for x >= 1/2.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        var z = x - 1;
        var series = LanczosCoefficients[0];
        for (var k = 1; k < LanczosCoefficients.Length; k++)
        {
            series += LanczosCoefficients[k] / (z + k);
        }

        var t = z + LanczosG + 0.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((z + 0.5) * Math.Log(t)) - t + Math.Log(series);
    }

    /// <summary>I_x(a, b), the regularised incomplete beta function, for a, b > 0 and 0 &lt;= x &lt;= 1.</summary>
    public static double RegularisedIncompleteBeta(double a, double b, double x) => RegularisedIncompleteBeta(a, b, x, 1 - x);

    /// <summary>
    /// I_x(a, b) given both x and 1 - x, so a caller who can form 1 - x without cancellation (t^2 / (df + t^2) in
    /// the t distribution) keeps full precision when x is close to 1.
    /// </summary>
    public static double RegularisedIncompleteBeta(double a, double b, double x, double oneMinusX)
    {
        if (!(a > 0 && b > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"Need a, b > 0, got a = {a}, b = {b}.");
        }

        if (!(x is >= 0 and <= 1) || !(oneMinusX is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Need 0 <= x <= 1, got {x} (1 - x given as {oneMinusX}).");
        }

        if (x == 0 || oneMinusX == 0)
        {
            return x == 0 ? 0 : 1;
        }

        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use I_x(a, b) = 1 - I_{1-x}(b, a) beyond.
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - RegularisedIncompleteBeta(b, a, oneMinusX, x);
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(oneMinusX)) - LogBeta(a, b);
        return Math.Exp(logFront) / a / BetaContinuedFraction(a, b, x);
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>
    /// The continued fraction 1 + d1 / (1 + d2 / (1 + ...)) with d_{2m+1} = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
    /// d_{2m} = m(b-m)x / ((a+2m-1)(a+2m)), so that I_x(a, b) = x^a (1-x)^b / (a B(a, b)) / fraction; evaluated
    /// front to back by the modified Lentz method.
    /// </summary>
    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        const double relativeTolerance = 1e-16;
        var value = 1.0;
        var c = 1.0;
        var d = 0.0;
        for (var j = 1; j <= 10_000; j++)
        {
            var m = j / 2;
            var coefficient = j % 2 == 1
                ? -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1))
                : m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));
            d = 1 + (coefficient * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (coefficient / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            value *= delta;
            if (Math.Abs(delta - 1) < relativeTolerance)
            {
                return value;
            }
        }

        throw new InvalidOperationException($"The incomplete beta continued fraction did not converge for a = {a}, b = {b}, x = {x}.");
    }
}
