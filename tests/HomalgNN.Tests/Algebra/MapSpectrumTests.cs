using HomalgNN.Algebra;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Algebra;

/// <summary>The top map's singular values (Gram route where safe, SVD otherwise) and the lazily computed bases.</summary>
public class MapSpectrumTests
{
    static double[,] Random(int rows, int cols, int seed, double scale = 1)
    {
        torch.manual_seed(seed);
        return TensorBridge.ToMatrix(torch.randn(rows, cols, dtype: ScalarType.Float64) * scale);
    }

    static double[] SvdValues(double[,] a) => TensorBridge.ToVector(torch.linalg.svdvals(TensorBridge.ToTensor(a)));

    [Theory]
    [InlineData(1.0)]   // s_max within 1e4 x eps: Gram route
    [InlineData(1e6)]   // s_max far above: the SVD
    public void TopMapSingularValues_MatchTheSvd(double scale)
    {
        var top = Random(12, 20, 1, scale);
        var c = ChainComplex.FromMaps([Random(5, 12, 2), top]);
        var sv = c.Spectrum(1).SingularValues;
        var expected = SvdValues(top);
        Assert.Equal(expected.Length, sv.Length);
        for (int i = 0; i < sv.Length; i++) Assert.Equal(expected[i], sv[i], 1e-12 * expected[0]);
        Assert.Equal(12, c.Spectrum(1).Rank);
    }

    [Fact]
    public void TopMapBases_AreComputedWhenAskedFor_AndAreOrthonormal()
    {
        var top = Random(6, 9, 3);
        top[5, 0] = 0; // keep full rank; the kernel has 3 directions
        var c = ChainComplex.FromMaps([Random(4, 6, 4), top]);
        var k = TensorBridge.ToTensor(c.Kernel(1));
        Assert.Equal(new long[] { 9, 3 }, k.shape);
        Assert.True((k.T.matmul(k) - torch.eye(3, dtype: ScalarType.Float64)).abs().max().item<double>() < 1e-12);
        Assert.True(TensorBridge.ToTensor(top).matmul(k).abs().max().item<double>() < 1e-12);
        // Full row rank: the image is all of C_1, spanned by the identity.
        Assert.Equal(6, c.Image(1).GetLength(1));
        Assert.Equal(0, c.Spectrum(1).Cokernel.GetLength(1));
    }

    [Fact]
    public void RankDeficientTopMap_HasACokernelAndAnImageBasisInsideTheImage()
    {
        var top = Random(6, 9, 5);
        for (int j = 0; j < 9; j++) top[5, j] = top[4, j]; // rank 5
        var c = ChainComplex.FromMaps([Random(4, 6, 6), top]);
        Assert.Equal(5, c.Spectrum(1).Rank);
        var image = TensorBridge.ToTensor(c.Image(1));
        var a = TensorBridge.ToTensor(top);
        // Projecting the map's columns onto the image basis leaves them unchanged.
        Assert.True((image.matmul(image.T.matmul(a)) - a).abs().max().item<double>() < 1e-10);
        Assert.Equal(1, c.Spectrum(1).Cokernel.GetLength(1));
    }
}
