namespace HomalgNN.Tests.Fixtures;

/// <summary>Seeded random integer matrices for property tests.</summary>
public static class RandomMatrices
{
    public static long[,] Uniform(Random random, int rows, int columns, int bound)
    {
        var m = new long[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) m[i, j] = random.Next(-bound, bound + 1);
        return m;
    }

    /// <summary>A product (rows x inner)(inner x columns), so the rank is at most inner.</summary>
    public static long[,] LowRank(Random random, int rows, int columns, int inner, int bound) =>
        Multiply(Uniform(random, rows, inner, bound), Uniform(random, inner, columns, bound));

    public static long[,] Multiply(long[,] a, long[,] b)
    {
        int m = a.GetLength(0), k = a.GetLength(1), n = b.GetLength(1);
        var c = new long[m, n];
        for (int i = 0; i < m; i++)
            for (int t = 0; t < k; t++)
                for (int j = 0; j < n; j++) c[i, j] = checked(c[i, j] + a[i, t] * b[t, j]);
        return c;
    }

    /// <summary>A random U in GL(n, Z) with its inverse, from random elementary row operations.</summary>
    public static (long[,] U, long[,] Inverse) Unimodular(Random random, int n, int steps)
    {
        var u = new long[n, n];
        var inv = new long[n, n];
        for (int i = 0; i < n; i++) u[i, i] = inv[i, i] = 1;
        for (int s = 0; n > 1 && s < steps; s++)
        {
            int a = random.Next(n), b = (a + 1 + random.Next(n - 1)) % n;
            long f = random.Next(2) * 2 - 1;
            for (int c = 0; c < n; c++) u[a, c] += f * u[b, c];      // U <- (I + f e_a e_b^T) U
            for (int r = 0; r < n; r++) inv[r, b] -= f * inv[r, a];  // U^-1 <- U^-1 (I - f e_a e_b^T)
        }
        return (u, inv);
    }
}
