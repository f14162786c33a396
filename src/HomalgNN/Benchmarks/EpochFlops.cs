using HomalgNN.Nn;

namespace HomalgNN.Benchmarks;

/// <summary>Matrix-multiply FLOPs of one training epoch, split by the precision they run in.</summary>
/// <param name="Float64">FLOPs done in float64.</param>
/// <param name="Float32">FLOPs done in float32.</param>
/// <remarks>
/// Counted: every linear layer's forward (2 in out per image), its weight gradient (the same) and its input gradient
/// (the same, except for the first layer, whose input needs none); the chain-axiom products and their gradients per
/// step; the test set's forward pass. Not counted: decompositions, elementwise work and the optimiser, so the floor
/// these give is a lower bound.
/// </remarks>
public sealed record EpochFlops(double Float64, double Float32)
{
    /// <summary>The FLOPs of one epoch of the study's network at <paramref name="config"/>'s precision.</summary>
    public static EpochFlops Of(NetworkConfig config, int trainImages, int testImages, int batchSize)
    {
        var widths = new List<int> { config.InputFeatures };
        widths.AddRange(config.Encoder);
        double encoderForward = 0, encoderBackward = 0;
        for (int i = 0; i + 1 < widths.Count; i++)
        {
            double f = 2.0 * widths[i] * widths[i + 1];
            encoderForward += f;
            encoderBackward += i == 0 ? f : 2 * f;
        }
        var dims = config.Dims;
        double chainForward = 0;
        for (int i = 0; i + 1 < dims.Length; i++) chainForward += 2.0 * dims[i] * dims[i + 1];
        double headForward = 2.0 * dims[0] * config.BridgeWidth + 2.0 * config.BridgeWidth * config.Classes;
        double axiom = 0;
        for (int i = 0; i + 2 < dims.Length; i++) axiom += 3 * 2.0 * dims[i] * dims[i + 1] * dims[i + 2];
        int steps = (trainImages + batchSize - 1) / batchSize;
        double layers = trainImages * (encoderForward + encoderBackward + 3 * headForward) + testImages * (encoderForward + headForward);
        double chain = trainImages * 3 * chainForward + testImages * chainForward + steps * axiom;
        if (config.Baseline) return new EpochFlops(0, layers + chain);
        return config.Precision switch
        {
            Precision.Float64 => new EpochFlops(layers + chain, 0),
            Precision.Float32 => new EpochFlops(0, layers + chain),
            _ => new EpochFlops(chain, layers),
        };
    }

    /// <summary>Seconds these FLOPs take at the given matmul speeds (FLOP/s).</summary>
    public double Seconds(double float64PerSecond, double float32PerSecond) => Float64 / float64PerSecond + Float32 / float32PerSecond;
}
