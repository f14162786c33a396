namespace HomalgNN.Algebra;

/// <summary>How the distance between ker d_i and im d_{i+1} is measured (conventions.md, "Exactness defect").</summary>
public enum DefectMethod
{
    /// <summary>Sum of sin^2 of the principal angles plus the dimension gap.</summary>
    SubspaceDistance,
    /// <summary>||P_ker - P_im||_F (not squared).</summary>
    ProjectionNorm,
    /// <summary>|dim ker - dim im|.</summary>
    DimensionGap,
}
