namespace HomalgNN.Algebra.Feasibility;

/// <summary>What the dimensions [n_0..n_k] alone permit for Betti numbers, whatever the maps: a dimension count, no training.</summary>
public sealed class FeasibilityAnalysis
{
    private readonly int[] _dimensions;

    private FeasibilityAnalysis(int[] dims)
    {
        _dimensions = dims;
        Study = StudyConventionMinimum.For(dims);
        ChainComplex = ChainComplexMinimum.For(dims);
        Explanation = FeasibilityExplanation.Lines(dims, Study, ChainComplex);
    }

    /// <summary>
    /// Analyses dims [n_0..n_k] (at least two entries, each &gt;= 1; ArgumentException otherwise). Cost is
    /// O(sum min(n_i, n_{i+1})) time and memory.
    /// </summary>
    public static FeasibilityAnalysis For(IReadOnlyList<int> dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Count < 2) throw new ArgumentException($"dimensions need at least 2 entries n_0, n_1 (one map), got {dims.Count}");
        for (int j = 0; j < dims.Count; j++)
            if (dims[j] < 1) throw new ArgumentException($"n_{j} = {dims[j]}: every dimension must be at least 1");
        return new FeasibilityAnalysis(dims.ToArray());
    }

    /// <summary>n_0..n_k.</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>The least Betti vector in the study's convention (k entries, one per map) and ranks reaching it.</summary>
    public StudyConventionMinimum Study { get; }

    /// <summary>The least total homology over C_0..C_k of a genuine chain complex, its ranks and Betti numbers.</summary>
    public ChainComplexMinimum ChainComplex { get; }

    /// <summary>Human-readable reasons, one statement per line.</summary>
    public IReadOnlyList<string> Explanation { get; }
}
