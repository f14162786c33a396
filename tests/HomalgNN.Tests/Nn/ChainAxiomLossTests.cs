using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

/// <summary>The chain-axiom loss's closed-form gradient against autograd.</summary>
public class ChainAxiomLossTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ValueAndGradients_EqualAutograd(bool normalized)
    {
        torch.manual_seed(2);
        int[] dims = [3, 5, 8, 6];
        var maps = Enumerable.Range(0, dims.Length - 1)
            .Select(i => torch.randn(dims[i], dims[i + 1], dtype: ScalarType.Float64).requires_grad_(true)).ToArray();
        var loss = ChainAxiomLoss.Compute(maps, normalized);
        loss.backward();

        var (value, grads) = ChainAxiomLoss.ValueAndGradients(maps.Select(m => m.detach()).ToArray(), normalized, withGradient: true);

        Assert.Equal(loss.ToDouble(), value, 12);
        for (int i = 0; i < maps.Length; i++)
        {
            double diff = (maps[i].grad! - grads![i]).abs().max().ToDouble();
            Assert.True(diff < 1e-12 * (1 + maps[i].grad!.abs().max().ToDouble()), $"map {i}: gradients differ by {diff}");
        }
    }

    [Fact]
    public void ValueAndGradients_WithoutGradient_GivesTheValueOnly()
    {
        var maps = new[] { torch.ones(2, 3, dtype: ScalarType.Float64), torch.ones(3, 2, dtype: ScalarType.Float64) };

        var (value, grads) = ChainAxiomLoss.ValueAndGradients(maps, normalized: false, withGradient: false);

        // d_0 d_1 is the 2 x 2 matrix of 3s: ||.||^2 = 36, mean over one position.
        Assert.Equal(36.0, value, 12);
        Assert.Null(grads);
    }
}
