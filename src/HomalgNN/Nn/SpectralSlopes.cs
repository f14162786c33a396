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

    /// <summary>L_jk for eigenvalues <paramref name="lambda"/> (rows) and <paramref name="mu"/> (columns) with their masks.</summary>
    public static double[,] Matrix(double[] lambda, double[] fLambda, double[] mu, double[] fMu, double eps)
    {
        var l = new double[lambda.Length, mu.Length];
        bool symmetric = ReferenceEquals(lambda, mu);
        for (int j = 0; j < lambda.Length; j++)
            for (int k = symmetric ? j : 0; k < mu.Length; k++)
            {
                l[j, k] = Slope(lambda[j], fLambda[j], mu[k], fMu[k], eps);
                // The same pair the other way round: Slope is symmetric in its two eigenvalues.
                if (symmetric) l[k, j] = l[j, k];
            }
        return l;
    }

    static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
