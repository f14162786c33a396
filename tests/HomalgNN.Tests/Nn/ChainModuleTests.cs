using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

/// <summary>The chain's forward pass through the product of its maps equals the map-by-map composition, in value and gradient.</summary>
public class ChainModuleTests
{
    static Tensor Sequential(ChainModule chain, Tensor x)
    {
        var h = x;
        for (int i = chain.Length - 1; i >= 0; i--) h = h.matmul(chain.BoundaryMap(i).t());
        return h;
    }

    [Fact]
    public void ProductForward_EqualsTheComposition_InValueAndGradient()
    {
        torch.manual_seed(4);
        var chain = new ChainModule(NetworkConfig.StudyDims, ChainInit.Normal);
        Assert.True(chain.ProductIsCheaper(128));
        var x = torch.randn(128, 256, dtype: ScalarType.Float64).requires_grad_(true);
        var maps = chain.BoundaryMaps.Cast<Tensor>().Append(x).ToArray();
        var w = torch.randn(128, 16, dtype: ScalarType.Float64);
        var fast = chain.forward(x);
        var slow = Sequential(chain, x);
        Assert.True((fast - slow).abs().max().item<double>() <= 1e-12 * slow.abs().max().item<double>());
        var gf = torch.autograd.grad([(fast * w).sum()], maps);
        var gs = torch.autograd.grad([(slow * w).sum()], maps);
        for (int i = 0; i < maps.Length; i++)
            Assert.True((gf[i] - gs[i]).abs().max().item<double>() <= 1e-10 * gs[i].abs().max().item<double>(), $"gradient {i}");
    }

    [Fact]
    public void SmallBatches_GoMapByMap()
    {
        var chain = new ChainModule(NetworkConfig.StudyDims);
        Assert.False(chain.ProductIsCheaper(4));
        Assert.Equal(new long[] { 4, 16 }, chain.forward(torch.zeros(4, 256, dtype: ScalarType.Float64)).shape);
    }
}
