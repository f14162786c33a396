using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

public class ExactnessLossTests
{
    static readonly ExactnessLossOptions Study = new();

    [Fact]
    public void FullRankStudyChain_HasLoss37Point3333()
    {
        var chain = new ChainModule(NetworkConfig.StudyDims, ChainInit.Orthogonal);
        double loss = ExactnessLoss.Compute(chain.BoundaryMaps.Cast<Tensor>().ToArray(), Study).item<double>();
        Assert.InRange(loss, 37.3333 - 1e-4, 37.3333 + 1e-4);
        var random = LossTestHelpers.RandomMaps(NetworkConfig.StudyDims, 3);
        Assert.InRange(ExactnessLoss.Compute(random, Study).item<double>(), 112.0 / 3 - 1e-4, 112.0 / 3 + 1e-4);
    }

    [Fact]
    public void SumInsteadOfMean_WhenNotNormalised()
    {
        var maps = LossTestHelpers.RandomMaps(NetworkConfig.StudyDims, 4);
        double sum = ExactnessLoss.Compute(maps, Study with { Normalize = false }).item<double>();
        Assert.InRange(sum, 112 - 1e-4, 112 + 1e-4);
        double weighted = ExactnessLoss.Compute(maps, Study with { Normalize = false, WeightByDimension = true }).item<double>();
        Assert.InRange(weighted, 16.0 / 32 + 32.0 / 64 + 64.0 / 128 - 1e-4, 1.5 + 1e-4);
    }

    [Fact]
    public void MatchesTheReferenceFormula_InValueAndGradient_OnGenericMaps()
    {
        // Singular values near eps so that the masks are not saturated and the gradient is large.
        var maps = LossTestHelpers.RandomMaps([3, 5, 6, 4], 11, scale: 1e-3);
        var eps = 1e-3;
        var ours = ExactnessLoss.Compute(maps, new ExactnessLossOptions(Epsilon: eps));
        var ourGrads = torch.autograd.grad([ours], maps);
        var reference = LossTestHelpers.ReferenceProjectionLoss(maps, eps);
        var refGrads = torch.autograd.grad([reference], maps);
        // Values differ only by the mask's shift m(0) = 0, at most a few percent here; gradients share their direction.
        Assert.InRange(ours.item<double>(), reference.item<double>() * 0.8, reference.item<double>() * 1.2);
        for (int i = 0; i < maps.Length; i++)
        {
            var a = ourGrads[i].flatten(); var b = refGrads[i].flatten();
            double cos = (a.dot(b) / (a.norm() * b.norm())).item<double>();
            Assert.True(cos > 0.9, $"gradient of d_{i} points elsewhere than the reference's (cos {cos})");
        }
    }

    [Fact]
    public void Gradient_MatchesCentralFiniteDifferences()
    {
        var maps = LossTestHelpers.RandomMaps([2, 4, 3], 5, scale: 2e-3);
        var opts = new ExactnessLossOptions(Epsilon: 1e-3);
        var loss = ExactnessLoss.Compute(maps, opts);
        var grads = torch.autograd.grad([loss], maps);
        for (int i = 0; i < maps.Length; i++)
        {
            var fd = LossTestHelpers.FiniteDifference(() => { using var _ = torch.no_grad(); return ExactnessLoss.Compute(maps, opts).item<double>(); }, maps[i], 1e-8);
            var g = grads[i].flatten().data<double>().ToArray();
            double scale = Math.Max(1e-6, g.Select(Math.Abs).Max());
            for (int j = 0; j < g.Length; j++)
                Assert.True(Math.Abs(g[j] - fd[j]) <= 1e-4 * scale + 1e-6, $"d_{i}[{j}]: autograd {g[j]} vs finite difference {fd[j]}");
        }
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("rank-deficient")]
    [InlineData("repeated")]
    public void Gradients_StayFinite_OnDegenerateMaps(string kind)
    {
        var dims = new[] { 4, 6, 8 };
        Tensor[] maps = kind switch
        {
            "zero" => dims.Take(2).Select((n, i) => torch.zeros(dims[i], dims[i + 1], dtype: ScalarType.Float64).requires_grad_(true)).ToArray(),
            "rank-deficient" => LossTestHelpers.RandomMaps(dims, 2).Select(m => { using var _ = torch.no_grad(); var d = m.detach().clone(); d[0] = d[1]; d[2] = 0; return d.requires_grad_(true); }).ToArray(),
            _ => new ChainModule(dims, ChainInit.Orthogonal).BoundaryMaps.Select(p => p.detach().clone().requires_grad_(true)).ToArray(),
        };
        var loss = ExactnessLoss.Compute(maps, Study) + ChainAxiomLoss.Compute(maps);
        Assert.True(double.IsFinite(loss.item<double>()));
        var grads = torch.autograd.grad([loss], maps);
        foreach (var g in grads) Assert.True(g.isfinite().all().item<bool>(), $"non-finite gradient for {kind} maps");
    }

    [Fact]
    public void ReferenceFormula_IsNaN_ForZeroMaps_WhichIsWhyWeAvoidSvdBackward()
    {
        var maps = new[] { torch.zeros(2, 3, dtype: ScalarType.Float64).requires_grad_(true), torch.zeros(3, 3, dtype: ScalarType.Float64).requires_grad_(true) };
        var grads = torch.autograd.grad([LossTestHelpers.ReferenceProjectionLoss(maps, 1e-3)], maps);
        Assert.False(grads.All(g => g.isfinite().all().item<bool>()));
    }

    [Fact]
    public void ChainAxiomLoss_IsMeanSquaredFrobeniusNormOfCompositions()
    {
        var d0 = torch.tensor(new double[,] { { 1, 2 } });
        var d1 = torch.tensor(new double[,] { { 1, 0 }, { 0, 3 } });
        var d2 = torch.tensor(new double[,] { { 2 }, { 0 } });
        // d0 d1 = [1 6] -> 37; d1 d2 = [2; 0] -> 4; mean 20.5.
        Assert.Equal(20.5, ChainAxiomLoss.Compute([d0, d1, d2]).item<double>(), 12);
    }

    [Fact]
    public void SoftMask_IsZeroAtZeroAndOneFarAboveEps()
    {
        Assert.Equal(0.0, SoftProjector.Mask(0, 1e-3), 15);
        Assert.Equal(1.0, SoftProjector.Mask(1, 1e-3), 12);
        Assert.InRange(SoftProjector.Mask(1e-3, 1e-3), 0.4, 0.5);
    }
}
