namespace HomalgNN.Nn;

/// <summary>
/// Divided differences of the soft mask as a function of Gram eigenvalues, f(lambda) = m(sqrt lambda): the matrix L of the
/// Daleckii-Krein formula for the derivative of f(G), entry by entry.
/// </summary>
/// <remarks>
/// L_jk = (f(lambda_j) - f(mu_k)) / (lambda_j - mu_k), or f' at their midpoint where they (nearly) coincide, with f' capped
/// at s = eps/100 so that zero singular values give a finite slope. Written as a loop rather than tensor operations because
/// the slope needs a sigmoid only on the (few) coinciding pairs, and libtorch's float64 sigmoid over a whole 128 x 128
/// matrix costs more than the rest of the loss.
/// An eigenvalue is flat when its mask is exactly 1 and its own slope f'(lambda) exactly 0 in float64 (s above about 19.8 eps).
/// Between two flat eigenvalues L is exactly 0: the difference quotient is 0 / (lambda - mu), and where they coincide the
/// midpoint lies above the smaller one, where the sigmoid has already rounded to 1. So only the rows and columns of
/// eigenvalues that are not flat are ever computed; the rest of the matrix is the exact zero the full loop would give.
/// </remarks>
internal static class SpectralSlopes
{
    static readonly double Floor = Sigmoid(-2.0);

    /// <summary>f(lambda) = m(sqrt lambda), the mask of a singular value sqrt(lambda).</summary>
    public static double Mask(double lambda, double eps) => SoftProjector.Mask(Math.Sqrt(Math.Max(lambda, 0)), eps);

    /// <summary>One divided difference between eigenvalue <paramref name="lambda"/> (mask <paramref name="fLambda"/>) and <paramref name="mu"/> (mask <paramref name="fMu"/>).</summary>
    public static double Slope(double lambda, double fLambda, double mu, double fMu, double eps)
    {
        double diff = lambda - mu;
        if (Math.Abs(diff) > 1e-9 * Math.Max(Math.Abs(lambda) + Math.Abs(mu), eps * eps * 1e-6)) return (fLambda - fMu) / diff;
        // f'(lambda) = m'(s) / (2 s) at the midpoint.
        double s = Math.Max(Math.Sqrt(Math.Max((lambda + mu) / 2, 0)), eps / 100);
        double sig = Sigmoid((s - eps) / (eps / 2));
        return sig * (1 - sig) * (2 / eps) / (1 - Floor) / (2 * s);
    }

    /// <summary>Whether an eigenvalue with this mask is flat: mask exactly 1 and slope exactly 0, so its slope to any other flat eigenvalue is 0.</summary>
    public static bool IsFlat(double lambda, double f, double eps) => f == 1.0 && Slope(lambda, f, lambda, f, eps) == 0.0;

    /// <summary>The indices of the eigenvalues that are not flat (<see cref="IsFlat"/>), ascending.</summary>
    public static int[] Active(double[] lambda, double[] f, double eps) =>
        Enumerable.Range(0, lambda.Length).Where(j => !IsFlat(lambda[j], f[j], eps)).ToArray();

    /// <summary>
    /// The symmetric matrix L_jk among the eigenvalues <paramref name="lambda"/> with masks <paramref name="f"/>, as a flat
    /// row-major array; <paramref name="active"/> (<see cref="Active"/>) names the rows and columns that can be non-zero.
    /// </summary>
    public static double[] Matrix(double[] lambda, double[] f, int[] active, double eps)
    {
        int r = lambda.Length;
        var l = new double[r * r];
        var isActive = new bool[r];
        foreach (int j in active) isActive[j] = true;
        foreach (int j in active)
            for (int k = 0; k < r; k++)
            {
                // Each pair of active eigenvalues once; an active row also fills its column (Slope is symmetric).
                if (isActive[k] && k < j) continue;
                double v = Slope(lambda[j], f[j], lambda[k], f[k], eps);
                l[j * r + k] = v;
                l[k * r + j] = v;
            }
        return l;
    }

    static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
