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

    /// <summary>
    /// The loss's value and, when <paramref name="withGradient"/>, each map's gradient, without autograd: for a term
    /// t = ||A B||^2, dA = 2 (A B) B^T and dB = 2 A^T (A B); normalised, t = ||A B||^2 / (a b) with a = ||A||^2, b = ||B||^2,
    /// dA = 2 ((A B) B^T - t b A) / (a b) and dB alike (the clamp, where it holds, makes the denominator a constant).
    /// </summary>
    internal static (double Value, Tensor[]? Gradients) ValueAndGradients(IReadOnlyList<Tensor> maps, bool normalized, bool withGradient)
    {
        int k = maps.Count;
        if (k < 2) return (0, withGradient ? maps.Select(m => torch.zeros_like(m)).ToArray() : null);
        using var noGrad = torch.no_grad();
        var grads = withGradient ? maps.Select(m => torch.zeros_like(m)).ToArray() : null;
        double value = 0, mean = 1.0 / (k - 1);
        for (int i = 0; i + 1 < k; i++)
        {
            var a = maps[i];
            var b = maps[i + 1];
            var ab = a.mm(b);
            double n = ab.square().sum().ToDouble();
            double scale = 1, denominator = 1, normA = 0, normB = 0;
            bool clamped = false;
            if (normalized)
            {
                normA = a.square().sum().ToDouble();
                normB = b.square().sum().ToDouble();
                denominator = Math.Max(normA * normB, 1e-300);
                clamped = normA * normB < 1e-300;
                scale = 1 / denominator;
            }
            double t = n * scale;
            value += t;
            if (grads is null) continue;
            grads[i].add_(ab.mm(b.t()), alpha: 2 * scale * mean);
            grads[i + 1].add_(a.t().mm(ab), alpha: 2 * scale * mean);
            if (normalized && !clamped)
            {
                grads[i].add_(a, alpha: -2 * t / normA * mean);
                grads[i + 1].add_(b, alpha: -2 * t / normB * mean);
            }
        }
        return (value * mean, grads);
    }
}
