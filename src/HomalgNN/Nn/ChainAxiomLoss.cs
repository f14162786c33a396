using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>The chain-axiom loss: mean over i of ||d_i d_{i+1}||_F^2 (0 exactly when d∘d = 0).</summary>
public static class ChainAxiomLoss
{
    /// <summary>The loss (a 0-d tensor with gradient); 0 when there is a single map.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> maps)
    {
        if (maps.Count < 2) return torch.zeros([], dtype: maps[0].dtype);
        Tensor total = torch.zeros([], dtype: maps[0].dtype);
        for (int i = 0; i + 1 < maps.Count; i++) total = total + maps[i].matmul(maps[i + 1]).square().sum();
        return total / (maps.Count - 1);
    }
}
