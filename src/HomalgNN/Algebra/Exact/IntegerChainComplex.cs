namespace HomalgNN.Algebra.Exact;

/// <summary>
/// A finite complex of free modules C_0 &lt;- C_1 &lt;- ... &lt;- C_k with integer boundary maps d_i : C_{i+1} -&gt; C_i,
/// each an n_i x n_{i+1} matrix (conventions.md). Inputs are copied; shapes are validated at construction.
/// </summary>
public sealed class IntegerChainComplex
{
    private readonly int[] _dimensions;
    private readonly IntegerMatrix[] _differentials;

    /// <summary>
    /// The complex with dims [n_0..n_k] and maps d_0..d_{k-1}. With <paramref name="requireChainAxiom"/> every
    /// d_i d_{i+1} must vanish exactly over Z, else ArgumentException naming the degree.
    /// </summary>
    public IntegerChainComplex(IReadOnlyList<int> dimensions, IReadOnlyList<IntegerMatrix> differentials, bool requireChainAxiom = false)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(differentials);
        if (dimensions.Count == 0) throw new ArgumentException("a chain complex needs at least one dimension n_0");
        for (int j = 0; j < dimensions.Count; j++)
            if (dimensions[j] < 0) throw new ArgumentException($"n_{j} = {dimensions[j]} is negative");
        int k = dimensions.Count - 1;
        if (differentials.Count != k)
            throw new ArgumentException($"{dimensions.Count} dimensions need {k} maps d_0..d_{k - 1}, got {differentials.Count}");
        for (int i = 0; i < k; i++)
        {
            IntegerMatrix d = differentials[i] ?? throw new ArgumentNullException(nameof(differentials), $"d_{i} is null");
            if (d.Rows != dimensions[i] || d.Columns != dimensions[i + 1])
                throw new ArgumentException(
                    $"d_{i} is {d.Shape} but must be n_{i} x n_{i + 1} = {dimensions[i]}x{dimensions[i + 1]} (d_i : C_{{i+1}} -> C_i)");
        }
        _dimensions = dimensions.ToArray();
        _differentials = differentials.ToArray(); // IntegerMatrix is immutable, so sharing the instances is safe
        if (requireChainAxiom && ChainAxiomFailure(CoefficientField.Q) is { } failure) throw new ArgumentException(failure);
    }

    /// <summary>The complex with dims [n_0..n_k] and maps given as arrays (copied).</summary>
    public IntegerChainComplex(IReadOnlyList<int> dimensions, IReadOnlyList<long[,]> differentials, bool requireChainAxiom = false)
        : this(dimensions, Wrap(differentials, d => new IntegerMatrix(d)), requireChainAxiom) { }

    /// <summary>The complex with dims [n_0..n_k] and maps given as int arrays (copied).</summary>
    public IntegerChainComplex(IReadOnlyList<int> dimensions, IReadOnlyList<int[,]> differentials, bool requireChainAxiom = false)
        : this(dimensions, Wrap(differentials, d => new IntegerMatrix(d)), requireChainAxiom) { }

    /// <summary>The complex whose dims are read off the maps: n_i = rows of d_i, n_k = columns of d_{k-1}.</summary>
    public static IntegerChainComplex FromDifferentials(IReadOnlyList<IntegerMatrix> differentials, bool requireChainAxiom = false)
    {
        ArgumentNullException.ThrowIfNull(differentials);
        if (differentials.Count == 0) throw new ArgumentException("at least one map d_0 is needed to read off the dimensions");
        for (int i = 0; i + 1 < differentials.Count; i++)
            if (differentials[i].Columns != differentials[i + 1].Rows)
                throw new ArgumentException(
                    $"d_{i} has {differentials[i].Columns} columns but d_{i + 1} has {differentials[i + 1].Rows} rows (both must be n_{i + 1})");
        var dims = differentials.Select(d => d.Rows).Append(differentials[^1].Columns).ToArray();
        return new IntegerChainComplex(dims, differentials, requireChainAxiom);
    }

    /// <summary>n_0..n_k.</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>k, the number of maps.</summary>
    public int Length => _differentials.Length;

    /// <summary>d_i : C_{i+1} -&gt; C_i.</summary>
    public IntegerMatrix Differential(int i)
    {
        if ((uint)i >= (uint)_differentials.Length)
            throw new ArgumentOutOfRangeException(nameof(i), $"d_{i} does not exist: the maps are d_0..d_{_differentials.Length - 1}");
        return _differentials[i];
    }

    /// <summary>sum_j (-1)^j n_j.</summary>
    public long EulerCharacteristic => _dimensions.Select((n, j) => j % 2 == 0 ? (long)n : -(long)n).Sum();

    /// <summary>rank d_i over the field, i = 0..k-1.</summary>
    public int[] Ranks(CoefficientField field) => Array.ConvertAll(_differentials, d => ExactRank.Of(d, field));

    /// <summary>Whether d_i d_{i+1} = 0 for every i (exactly over Z for Q, mod p for GF(p)).</summary>
    public bool SatisfiesChainAxiom(CoefficientField field) => ChainAxiomFailure(field) is null;

    /// <summary>A one-line description of the first degree where d_i d_{i+1} != 0 over the field, or null if none.</summary>
    public string? ChainAxiomFailure(CoefficientField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        for (int i = 0; i + 1 < _differentials.Length; i++)
            if (_differentials[i].FirstNonzeroOfProduct(_differentials[i + 1], field.PrimeField) is { } entry)
                return $"chain axiom fails over {field}: d_{i} d_{i + 1} != 0 (entry ({entry.Row},{entry.Column}) is {entry.Value})";
        return null;
    }

    /// <summary>
    /// Homology over the field at every C_j. Requires the chain axiom over that field (InvalidOperationException
    /// naming the degree otherwise); for maps without it use <see cref="StudyBettiNumbers"/>.
    /// </summary>
    public HomologyResult Homology(CoefficientField field)
    {
        if (ChainAxiomFailure(field) is { } failure)
            throw new InvalidOperationException($"{failure}: homology needs a chain complex; StudyBettiNumbers works without it");
        int[] ranks = Ranks(field);
        int k = _differentials.Length;
        var betti = new int[k + 1];
        for (int j = 0; j <= k; j++)
            betti[j] = _dimensions[j] - (j > 0 ? ranks[j - 1] : 0) - (j < k ? ranks[j] : 0);
        return new HomologyResult(field, _dimensions.ToArray(), ranks, betti, betti[1..], EulerCharacteristic);
    }

    /// <summary>
    /// The study's Betti vector without assuming the chain axiom: b_i = dim ker d_i - dim(ker d_i ∩ im d_{i+1}) for
    /// i = 0..k-1, with im d_k = 0. Exactly: ker d_i ∩ im d_{i+1} = d_{i+1}(ker(d_i d_{i+1})), whose dimension is
    /// rank d_{i+1} - rank(d_i d_{i+1}); so b_i = n_{i+1} - rank d_i - rank d_{i+1} + rank(d_i d_{i+1}).
    /// </summary>
    public int[] StudyBettiNumbers(CoefficientField field)
    {
        int[] ranks = Ranks(field);
        int k = _differentials.Length;
        var betti = new int[k];
        for (int i = 0; i < k; i++)
        {
            int nullity = _dimensions[i + 1] - ranks[i];
            int intersection = 0;
            if (i + 1 < k)
            {
                IntegerMatrix composite = field.PrimeField is { } prime
                    ? _differentials[i].MultiplyModulo(_differentials[i + 1], prime)
                    : _differentials[i].Multiply(_differentials[i + 1]);
                intersection = ranks[i + 1] - ExactRank.Of(composite, field);
            }
            betti[i] = nullity - intersection;
        }
        return betti;
    }

    private static IntegerMatrix[] Wrap<T>(IReadOnlyList<T> differentials, Func<T, IntegerMatrix> wrap) where T : class
    {
        ArgumentNullException.ThrowIfNull(differentials);
        return differentials.Select((d, i) => wrap(d ?? throw new ArgumentNullException(nameof(differentials), $"d_{i} is null"))).ToArray();
    }
}
