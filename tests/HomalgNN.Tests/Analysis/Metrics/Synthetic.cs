namespace HomalgNN.Tests.Analysis.Metrics;

/// <summary>Seeded synthetic matrices for metric tests.</summary>
internal static class Synthetic
{
    /// <summary>Standard normal draw by Box-Muller.</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>An n x d matrix of independent standard normals.</summary>
    public static double[,] GaussianMatrix(int n, int d, int seed)
    {
        var random = new Random(seed);
        var m = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                m[i, j] = Gaussian(random);
            }
        }

        return m;
    }

    /// <summary>Matrix product a b.</summary>
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        var (n, k, d) = (a.GetLength(0), a.GetLength(1), b.GetLength(1));
        var c = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                for (var l = 0; l < k; l++)
                {
                    c[i, j] += a[i, l] * b[l, j];
                }
            }
        }

        return c;
    }

    /// <summary>A random d x d orthogonal matrix: Gram-Schmidt on a Gaussian matrix.</summary>
    public static double[,] Orthogonal(int d, int seed)
    {
        var q = GaussianMatrix(d, d, seed);
        for (var j = 0; j < d; j++)
        {
            for (var p = 0; p < j; p++)
            {
                var dot = 0.0;
                for (var i = 0; i < d; i++)
                {
                    dot += q[i, j] * q[i, p];
                }

                for (var i = 0; i < d; i++)
                {
                    q[i, j] -= dot * q[i, p];
                }
            }

            var norm = 0.0;
            for (var i = 0; i < d; i++)
            {
                norm += q[i, j] * q[i, j];
            }

            for (var i = 0; i < d; i++)
            {
                q[i, j] /= Math.Sqrt(norm);
            }
        }

        return q;
    }

    /// <summary>Every entry times <paramref name="factor"/>.</summary>
    public static double[,] Scale(double[,] m, double factor)
    {
        var r = (double[,])m.Clone();
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                r[i, j] *= factor;
            }
        }

        return r;
    }

    /// <summary>The given columns of m, in order (repeats allowed).</summary>
    public static double[,] Columns(double[,] m, params int[] columns)
    {
        var r = new double[m.GetLength(0), columns.Length];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                r[i, j] = m[i, columns[j]];
            }
        }

        return r;
    }

    /// <summary>
    /// Gaussian class clusters: labels uniform over <paramref name="classes"/>, features = class mean (entries
    /// N(0, separation^2)) + N(0, 1) noise.
    /// </summary>
    public static (double[,] Features, int[] Labels) Clusters(int n, int d, int classes, double separation, int seed)
    {
        var random = new Random(seed);
        var means = new double[classes, d];
        for (var c = 0; c < classes; c++)
        {
            for (var j = 0; j < d; j++)
            {
                means[c, j] = separation * Gaussian(random);
            }
        }

        var (features, labels) = (new double[n, d], new int[n]);
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.Next(classes);
            for (var j = 0; j < d; j++)
            {
                features[i, j] = means[labels[i], j] + Gaussian(random);
            }
        }

        return (features, labels);
    }

    /// <summary>
    /// A layer-like representation: a <paramref name="latent"/>-dimensional class cluster (means N(0, separation^2),
    /// unit noise) mixed into <paramref name="d"/> units by a random matrix, plus small noise, through a ReLU.
    /// </summary>
    public static (double[] RowMajor, int[] Labels) ReluMixture(int n, int d, int latent, int classes, double separation, int seed)
    {
        var random = new Random(seed);
        var means = GaussianMatrix(classes, latent, seed + 1);
        var mixing = GaussianMatrix(latent, d, seed + 2);
        var (features, labels, z) = (new double[n * d], new int[n], new double[latent]);
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.Next(classes);
            for (var a = 0; a < latent; a++)
            {
                z[a] = (separation * means[labels[i], a]) + Gaussian(random);
            }

            for (var u = 0; u < d; u++)
            {
                var v = 0.1 * Gaussian(random);
                for (var a = 0; a < latent; a++)
                {
                    v += z[a] * mixing[a, u] / Math.Sqrt(latent);
                }

                features[(i * d) + u] = Math.Max(0, v);
            }
        }

        return (features, labels);
    }
}
