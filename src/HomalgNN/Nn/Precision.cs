using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>Floating-point precision of a network: everything float64 (the study), float32, or mixed (chain float64, rest float32).</summary>
public enum Precision
{
    /// <summary>The whole network in float64, as in the study.</summary>
    Float64,
    /// <summary>The whole network in float32.</summary>
    Float32,
    /// <summary>The chain's maps in float64, every other layer float32.</summary>
    Mixed,
}

/// <summary>The dtypes a <see cref="Precision"/> gives to the chain and to the other layers.</summary>
public static class PrecisionExtensions
{
    /// <summary>dtype of the chain's boundary maps.</summary>
    public static ScalarType ChainType(this Precision p) => p == Precision.Float32 ? ScalarType.Float32 : ScalarType.Float64;

    /// <summary>dtype of the encoder and classifier layers.</summary>
    public static ScalarType LayerType(this Precision p) => p == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;
}
