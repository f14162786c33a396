namespace HomalgNN.Nn;

/// <summary>Which discrepancy between ker d_i and im d_{i+1} the exactness loss penalises.</summary>
public enum ExactnessMode
{
    /// <summary>||P_ker(d_i) - P_im(d_{i+1})||_F^2 (the study's default).</summary>
    ProjectionNorm,
    /// <summary>Sum of sin^2 of the principal angles between the soft subspaces plus the soft dimension gap.</summary>
    SubspaceAngle,
    /// <summary>tr P_ker - tr(P_im P_ker) plus the soft dimension gap, clamped at 0.</summary>
    Overlap,
    /// <summary>||P_ker - P_im||_F^2 with regularised projectors s^2/(s^2 + delta), delta relative to each map's spectrum: gradients that do not vanish.</summary>
    Regularized,
}

/// <summary>Settings of the exactness loss (conventions.md, "Losses").</summary>
/// <param name="Epsilon">Singular values below this are treated as zero by the soft masks.</param>
/// <param name="Normalize">Mean over interior positions instead of the sum.</param>
/// <param name="WeightByDimension">Divide each position's defect by n_{i+1}.</param>
/// <param name="SparsityWeight">Weight of sum exp(-(s - eps)^2 / eps^2) over every map's singular values (0 = off).</param>
/// <param name="RankWeight">Weight of the rank-targeting term sum_{j >= r_i} s_j(d_i)^2 added to the loss (0 = off).</param>
/// <param name="TargetRanks">Target ranks r_i; null = the feasibility analysis's ranks of a chain complex with the least total homology.</param>
/// <param name="Temperature">Regularized mode: the projectors' transition sits at this fraction of each map's largest singular value.</param>
public sealed record ExactnessLossOptions(
    ExactnessMode Mode = ExactnessMode.ProjectionNorm,
    double Epsilon = 1e-3,
    bool Normalize = true,
    bool WeightByDimension = false,
    double SparsityWeight = 0.0,
    double Temperature = 0.05,
    double RankWeight = 0.0,
    int[]? TargetRanks = null);
