using HomalgNN.Algebra.Exact;

namespace HomalgNN.Algebra.Feasibility;

/// <summary>Explicit integer maps d_0..d_{k-1} with prescribed ranks, for checking feasibility results on real matrices.</summary>
public static class RankRealization
{
    /// <summary>
    /// d_i sends the first r_i basis vectors of C_{i+1} to the last r_i of C_i (others to 0). Then ker d_i is spanned
    /// by the last n_{i+1} - r_i basis vectors and im d_{i+1} by the last r_{i+1}: they overlap as much as dimensions
    /// allow, which reaches the study-convention minimum; and d_i d_{i+1} = 0 exactly when r_i + r_{i+1} &lt;= n_{i+1}.
    /// </summary>
    public static IntegerMatrix[] AlignedMaps(IReadOnlyList<int> dims, IReadOnlyList<int> ranks)
    {
        Validate(dims, ranks);
        var maps = new IntegerMatrix[ranks.Count];
        for (int i = 0; i < ranks.Count; i++)
        {
            var d = new long[dims[i], dims[i + 1]];
            for (int j = 0; j < ranks[i]; j++) d[dims[i] - ranks[i] + j, j] = 1;
            maps[i] = new IntegerMatrix(d);
        }
        return maps;
    }

    /// <summary>
    /// The aligned maps seen in random integer bases: d_i' = U_i d_i U_{i+1}^{-1} with each U_j unimodular (a product of
    /// random elementary operations). Ranks, kernels-meet-images dimensions and the chain axiom are all preserved.
    /// </summary>
    public static IntegerMatrix[] ScrambledMaps(IReadOnlyList<int> dims, IReadOnlyList<int> ranks, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        IntegerMatrix[] aligned = AlignedMaps(dims, ranks);
        var bases = dims.Select(n => UnimodularPair(n, random)).ToArray();
        return aligned.Select((d, i) => bases[i].Matrix.Multiply(d).Multiply(bases[i + 1].Inverse)).ToArray();
    }

    /// <summary>A random U in GL(n, Z) and its inverse, from 2n operations "row a += ±row b".</summary>
    private static (IntegerMatrix Matrix, IntegerMatrix Inverse) UnimodularPair(int n, Random random)
    {
        var u = new long[n, n];
        var inverse = new long[n, n];
        for (int t = 0; t < n; t++) u[t, t] = inverse[t, t] = 1;
        for (int step = 0; n > 1 && step < 2 * n; step++)
        {
            int a = random.Next(n), b = random.Next(n - 1);
            if (b >= a) b++;
            long s = random.Next(2) == 0 ? 1 : -1;
            // U <- E U with E = I + s e_a e_b^T; then U^{-1} <- U^{-1} E^{-1} with E^{-1} = I - s e_a e_b^T.
            for (int c = 0; c < n; c++) u[a, c] = checked(u[a, c] + s * u[b, c]);
            for (int r = 0; r < n; r++) inverse[r, b] = checked(inverse[r, b] - s * inverse[r, a]);
        }
        return (new IntegerMatrix(u), new IntegerMatrix(inverse));
    }

    private static void Validate(IReadOnlyList<int> dims, IReadOnlyList<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(dims);
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count != dims.Count - 1)
            throw new ArgumentException($"{dims.Count} dimensions need {dims.Count - 1} ranks, got {ranks.Count}");
        for (int i = 0; i < ranks.Count; i++)
            if (ranks[i] < 0 || ranks[i] > Math.Min(dims[i], dims[i + 1]))
                throw new ArgumentException($"rank r_{i} = {ranks[i]} must lie in 0..min(n_{i}, n_{i + 1}) = 0..{Math.Min(dims[i], dims[i + 1])}");
    }
}
