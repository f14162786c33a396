namespace HomalgNN.Algebra;

/// <summary>Small helpers for dense row-major double matrices (double[,]) used across the algebra.</summary>
public static class Matrix
{
    /// <summary>Throws if any entry is NaN or infinite; <paramref name="what"/> names the matrix in the message.</summary>
    public static void EnsureFinite(double[,] a, string what)
    {
        for (int r = 0; r < a.GetLength(0); r++)
            for (int c = 0; c < a.GetLength(1); c++)
                if (!double.IsFinite(a[r, c]))
                    throw new ArgumentException($"{what} has a non-finite entry ({a[r, c]}) at row {r}, column {c}");
    }

    /// <summary>A deep copy, so that callers cannot change a complex under its user.</summary>
    public static double[,] Copy(double[,] a) => (double[,])a.Clone();

    /// <summary>The product a b.</summary>
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        if (b.GetLength(0) != m) throw new ArgumentException($"cannot multiply {n}x{m} by {b.GetLength(0)}x{p}");
        var c = new double[n, p];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++)
            {
                double aik = a[i, k];
                if (aik == 0) continue;
                for (int j = 0; j < p; j++) c[i, j] += aik * b[k, j];
            }
        return c;
    }

    /// <summary>The Frobenius norm.</summary>
    public static double FrobeniusNorm(double[,] a)
    {
        double s = 0;
        foreach (var v in a) s += v * v;
        return Math.Sqrt(s);
    }

    /// <summary>The n x n identity.</summary>
    public static double[,] Identity(int n)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++) a[i, i] = 1;
        return a;
    }
}
