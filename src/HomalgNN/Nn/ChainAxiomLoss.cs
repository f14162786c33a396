using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// The chain-axiom loss: mean over i of ||d_i d_{i+1}||_F^2 (0 exactly when d∘d = 0); normalised, each term is divided by
/// ||d_i||_F^2 ||d_{i+1}||_F^2, so that it cannot be met by shrinking the maps (it is invariant to rescaling each map).
/// </summary>
public static class ChainAxiomLoss
{
    /// <summary>The loss (a 0-d tensor with gradient); 0 when there is a single map.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> maps, bool normalized = false)
    {
        if (maps.Count < 2) return torch.zeros([], dtype: maps[0].dtype);
        Tensor total = torch.zeros([], dtype: maps[0].dtype);
        for (int i = 0; i + 1 < maps.Count; i++)
        {
            var term = maps[i].matmul(maps[i + 1]).square().sum();
            if (normalized) term = term / (maps[i].square().sum() * maps[i + 1].square().sum()).clamp_min(1e-300);
            total = total + term;
        }
        return total / (maps.Count - 1);
    }
}
