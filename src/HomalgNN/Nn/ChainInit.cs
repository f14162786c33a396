namespace HomalgNN.Nn;

/// <summary>How the boundary maps of a chain module are initialised.</summary>
public enum ChainInit
{
    /// <summary>Orthogonal rows or columns (the study's choice): every singular value 1.</summary>
    Orthogonal,
    /// <summary>Entries N(0, scale^2).</summary>
    Normal,
    /// <summary>Glorot uniform.</summary>
    XavierUniform,
    /// <summary>Glorot normal.</summary>
    XavierNormal,
    /// <summary>Kaiming/He uniform (ReLU gain).</summary>
    HeUniform,
    /// <summary>Kaiming/He normal (ReLU gain).</summary>
    HeNormal,
    /// <summary>All zero: every homology group as large as possible.</summary>
    Zero,
}
