namespace HomalgNN.Experiments;

/// <summary>How far a trained chain is from a genuine exact complex (im d_(i+1) = ker d_i, hence d_i d_(i+1) = 0).</summary>
/// <param name="RelativeChainAxiom">max_i ||d_i d_(i+1)||_F / (||d_i||_F ||d_(i+1)||_F): scale-free, so shrinking the maps does not fake it.</param>
/// <param name="MeanDefect">Mean subspace-distance defect between ker d_i and im d_(i+1).</param>
/// <param name="TotalHomology">sum_j dim H(C_j), j = 0..k.</param>
/// <param name="MinimalTotalHomology">The least total homology any genuine chain complex of these dimensions has.</param>
public sealed record ExactnessDistance(double RelativeChainAxiom, double MeanDefect, int TotalHomology, int MinimalTotalHomology)
{
    /// <summary>Below this relative chain-axiom norm the complex counts as a chain complex.</summary>
    public const double AxiomThreshold = 1e-3;

    /// <summary>Total homology above the minimum.</summary>
    public int HomologyExcess => TotalHomology - MinimalTotalHomology;

    /// <summary>Genuinely exact as far as the dimensions allow: chain axiom holds (relatively) and homology is at its minimum.</summary>
    public bool IsGenuinelyExact => RelativeChainAxiom < AxiomThreshold && HomologyExcess == 0;

    /// <summary>Reads the distance off a finished chain run's final record; null for the baseline.</summary>
    public static ExactnessDistance? Of(Training.FinalRecord f, IReadOnlyList<int> dims) =>
        f.Homology is null || f.Defects is null ? null
            : new ExactnessDistance(
                (f.RelativeChainAxiomNorms ?? []).DefaultIfEmpty(0).Max(),
                f.Defects.Length == 0 ? 0 : f.Defects.Average(),
                f.Homology.Sum(),
                MinimalHomologyOfChainComplexes(dims));

    /// <summary>The least total homology of any genuine chain complex of these dimensions (from the feasibility analysis).</summary>
    public static int MinimalHomologyOfChainComplexes(IReadOnlyList<int> dims) =>
        (int)Algebra.Feasibility.FeasibilityAnalysis.For(dims).ChainComplex.TotalHomology;
}
