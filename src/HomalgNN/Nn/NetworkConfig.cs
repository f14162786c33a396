namespace HomalgNN.Nn;

/// <summary>Shape of the study's classifier: input -> encoder -> middle (chain or baseline MLP) -> bridge -> classes.</summary>
/// <param name="Dims">Chain dimensions [n_0..n_k]; the middle maps R^{n_k} to R^{n_0}.</param>
/// <param name="Baseline">Replace the chain by Linear+ReLU layers n_k -> ... -> n_0 (float32, as in the study).</param>
/// <param name="Init">Initialisation of the chain's maps.</param>
/// <param name="Precision">Float64 (the study), float32 or mixed.</param>
/// <param name="Dropout">Dropout probability after each hidden ReLU (0 = none).</param>
/// <param name="ChainActivation">Nonlinearity between the chain's maps (None = the study's linear composition).</param>
/// <param name="ChainResidual">Add a linear bypass around the chain.</param>
public sealed record NetworkConfig(
    int[] Dims,
    bool Baseline = false,
    ChainInit Init = ChainInit.Orthogonal,
    Precision Precision = Precision.Float64,
    double Dropout = 0.0,
    double InitScale = 0.1,
    ChainActivation ChainActivation = ChainActivation.None,
    bool ChainResidual = false,
    int InputFeatures = 784,
    int[]? EncoderWidths = null,
    int BridgeWidth = 128,
    int Classes = 10)
{
    /// <summary>The study's chain [16, 32, 64, 128, 256].</summary>
    public static int[] StudyDims => [16, 32, 64, 128, 256];

    /// <summary>Encoder widths: 512, 256 as in the study.</summary>
    public int[] Encoder => EncoderWidths ?? [512, 256];

    /// <summary>Checks that the chain fits the encoder: the chain reads the first n_k coordinates of the encoder's output.</summary>
    public void Validate()
    {
        if (Dims.Length < 2) throw new ArgumentException($"--dims needs at least two dimensions, got [{string.Join(",", Dims)}]");
        if (Dims.Any(n => n < 1)) throw new ArgumentException($"--dims must be positive integers, got [{string.Join(",", Dims)}]");
        if (Dims[^1] > Encoder[^1])
            throw new ArgumentException($"the chain's top dimension n_k = {Dims[^1]} exceeds the encoder's width {Encoder[^1]}: the chain reads the first n_k coordinates");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"--dropout must be in [0, 1), got {Dropout}");
    }
}
