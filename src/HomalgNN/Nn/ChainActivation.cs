using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>What the chain's forward pass applies between boundary maps: nothing (the study's linear composition) or a nonlinearity.</summary>
public enum ChainActivation
{
    /// <summary>x -> d_0 d_1 ... d_{k-1} x: exactness forces the output to zero.</summary>
    None,
    /// <summary>ReLU after every map but the last.</summary>
    Relu,
    /// <summary>tanh after every map but the last.</summary>
    Tanh,
    /// <summary>GELU after every map but the last.</summary>
    Gelu,
}

/// <summary>Applies a <see cref="ChainActivation"/>.</summary>
public static class ChainActivationExtensions
{
    /// <summary>The activation applied to <paramref name="x"/>.</summary>
    public static Tensor Apply(this ChainActivation a, Tensor x) => a switch
    {
        ChainActivation.None => x,
        ChainActivation.Relu => nn.functional.relu(x),
        ChainActivation.Tanh => torch.tanh(x),
        ChainActivation.Gelu => nn.functional.gelu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "unknown chain activation"),
    };
}
