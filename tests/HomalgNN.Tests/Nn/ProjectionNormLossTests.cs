using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

/// <summary>The closed-form projection_norm loss against the spectral projectors it replaces, value and gradient.</summary>
public class ProjectionNormLossTests
{
    /// <summary>The loss built from <see cref="SoftProjector"/>'s n x n projectors with their autograd surrogates.</summary>
    static Tensor ViaProjectors(IReadOnlyList<Tensor> maps, ExactnessLossOptions o)
    {
        var p = maps.Select(m => SoftProjector.Of(m, o.Epsilon)).ToArray();
        Tensor total = torch.zeros([], dtype: maps[0].dtype);
        for (int i = 0; i + 1 < maps.Count; i++)
        {
            var d = ExactnessLoss.Defect(SoftProjector.Kernel(p[i].RowSpace), p[i + 1].Image, ExactnessMode.ProjectionNorm);
            total = total + (o.WeightByDimension ? d / maps[i].shape[1] : d);
        }
        return o.Normalize ? total / (maps.Count - 1) : total;
    }

    public static TheoryData<int[], double, bool> Cases => new()
    {
        { NetworkConfig.StudyDims, 1.0, false },      // wide maps, saturated masks
        { new[] { 3, 5, 6, 4 }, 1e-3, false },       // wide and tall, singular values near eps
        { new[] { 2, 4, 3, 3 }, 2e-3, true },        // tall and square, weighted by dimension
        { new[] { 6, 6, 6 }, 1e-5, false },          // square maps, every singular value below eps
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClosedForm_EqualsSpectralProjectors(int[] dims, double scale, bool weighted)
    {
        var maps = LossTestHelpers.RandomMaps(dims, 21, scale);
        var o = new ExactnessLossOptions(WeightByDimension: weighted);
        var fast = ExactnessLoss.Compute(maps, o);
        var slow = ViaProjectors(maps, o);
        Assert.Equal(slow.item<double>(), fast.item<double>(), 1e-9 * Math.Max(1, Math.Abs(slow.item<double>())));
        var gf = torch.autograd.grad([fast], maps);
        var gs = torch.autograd.grad([slow], maps);
        for (int i = 0; i < maps.Length; i++)
        {
            double norm = gs[i].norm().item<double>();
            double err = (gf[i] - gs[i]).norm().item<double>();
            Assert.True(err <= 1e-7 * norm + 1e-12, $"d_{i}: gradients differ by {err} (norm {norm})");
        }
    }

    [Fact]
    public void RankDeficientMaps_GoThroughTheSvd_AndStillMatch()
    {
        var maps = LossTestHelpers.RandomMaps([4, 6, 8], 9, 1e-3).Select(m =>
        {
            using var _ = torch.no_grad();
            var d = m.detach().clone();
            d[0] = d[1]; // a repeated row: rank drops, the Gram matrix is singular
            return d.requires_grad_(true);
        }).ToArray();
        AssertSameValueAndGradients(maps, new ExactnessLossOptions());
    }

    [Fact]
    public void OrthogonalStudyChain_GradientMatches()
    {
        var maps = new ChainModule(NetworkConfig.StudyDims, ChainInit.Orthogonal).BoundaryMaps.Select(p => p.detach().clone().requires_grad_(true)).ToArray();
        AssertSameValueAndGradients(maps, new ExactnessLossOptions());
    }

    /// <summary>The closed form and the spectral projectors agree in value (1e-9) and in every map's gradient (1e-7 relative); returns the closed form's gradients.</summary>
    static Tensor[] AssertSameValueAndGradients(Tensor[] maps, ExactnessLossOptions o)
    {
        var fast = ExactnessLoss.Compute(maps, o);
        var slow = ViaProjectors(maps, o);
        Assert.Equal(slow.item<double>(), fast.item<double>(), 1e-9);
        var gf = torch.autograd.grad([fast], maps);
        var gs = torch.autograd.grad([slow], maps);
        for (int i = 0; i < maps.Length; i++)
            Assert.True((gf[i] - gs[i]).norm().item<double>() <= 1e-7 * gs[i].norm().item<double>() + 1e-12, $"d_{i}");
        return gf.ToArray();
    }

    /// <summary>Random maps of the given dimensions, map i scaled by scales[i] (small scales leave singular values near eps).</summary>
    static Tensor[] ScaledMaps(int[] dims, double[] scales, int seed) =>
        LossTestHelpers.RandomMaps(dims, seed).Select((m, i) => (m.detach() * scales[i]).requires_grad_(true)).ToArray();

    [Fact]
    public void MixedSaturation_EveryShortcutEqualsSpectralProjectors()
    {
        // d_0 unsaturated; d_1 wide and saturated (image = C_1, so position 0 sees the identity); d_2 tall and saturated
        // (row space = C_3, so position 2 sees the identity); d_3 unsaturated.
        var maps = ScaledMaps([3, 4, 6, 4, 5], [2e-3, 1.0, 1.0, 2e-3], 5);
        var o = new ExactnessLossOptions();
        Assert.Equal([false, true, true, false], ExactnessLoss.SaturatedMaps(maps, o.Epsilon));
        var gf = AssertSameValueAndGradients(maps, o);
        Assert.True(gf[0].norm().item<double>() > 1e-3, "the unsaturated map must still get its gradient");
    }

    [Fact]
    public void SaturatedStudyChain_ValueIsTheRanks_GradientExactlyZero_BackwardStillWorks()
    {
        var chain = new ChainModule(NetworkConfig.StudyDims, ChainInit.Orthogonal);
        var maps = chain.BoundaryMaps.Cast<Tensor>().ToArray();
        Assert.All(ExactnessLoss.SaturatedMaps(maps, 1e-3), Assert.True);
        var loss = ExactnessLoss.Compute(maps, new ExactnessLossOptions());
        // ||P_row(d_i)||^2 = rank d_i = n_i at each position, averaged: (16 + 32 + 64) / 3.
        Assert.Equal(112.0 / 3, loss.item<double>(), 12);
        loss.backward();
        Assert.All(maps, m => Assert.Equal(0.0, m.grad!.abs().max().item<double>()));
    }

    [Fact]
    public void MapThatJumpsFromFarBelowToSaturated_StillGetsTheRightLossAndGradient()
    {
        // The loss remembers that d_1 was far from saturation and skips its certificate once; the value must not care.
        var maps = ScaledMaps([3, 4, 6], [1.0, 1e-3], 11);
        var o = new ExactnessLossOptions();
        AssertSameValueAndGradients(maps, o);
        using (torch.no_grad()) maps[1].mul_(1e3);
        Assert.Equal([true, true], ExactnessLoss.SaturatedMaps(maps, o.Epsilon));
        AssertSameValueAndGradients(maps, o);
        AssertSameValueAndGradients(maps, o);
    }

    [Fact]
    public void SingularValuesJustAboveTheSaturationEdge_AreDecomposed_AndMatch()
    {
        // s = 25 eps: the mask already rounds to 1, but the certificate keeps its margin (32 eps) and decomposes.
        double eps = 1e-3;
        var q = torch.linalg.qr(torch.randn(6, 6, dtype: ScalarType.Float64)).Q;
        var d1 = (q[..4, ..] * 25 * eps).requires_grad_(true);
        var d0 = LossTestHelpers.RandomMaps([3, 4], 2)[0];
        var maps = new[] { d0, d1 };
        var o = new ExactnessLossOptions(Epsilon: eps);
        Assert.Equal([true, false], ExactnessLoss.SaturatedMaps(maps, eps));
        Assert.Equal(ViaProjectors(maps, o).item<double>(), ExactnessLoss.Compute(maps, o).item<double>(), 1e-9);
    }

    [Fact]
    public void Float32Maps_AreFactoredInFloat64_AndGetFloat32Gradients()
    {
        var maps = LossTestHelpers.RandomMaps([3, 5, 6, 4], 8, 1e-3);
        var single = maps.Select(m => m.detach().to(ScalarType.Float32).requires_grad_(true)).ToArray();
        var o = new ExactnessLossOptions();
        var l64 = ExactnessLoss.Compute(maps, o);
        var l32 = ExactnessLoss.Compute(single, o);
        Assert.Equal(ScalarType.Float32, l32.dtype);
        Assert.Equal(l64.item<double>(), l32.to(ScalarType.Float64).item<double>(), 1e-4);
        var g64 = torch.autograd.grad([l64], maps);
        var g32 = torch.autograd.grad([l32], single);
        for (int i = 0; i < maps.Length; i++)
        {
            Assert.Equal(ScalarType.Float32, g32[i].dtype);
            double err = (g32[i].to(ScalarType.Float64) - g64[i]).norm().item<double>();
            Assert.True(err <= 1e-4 * g64[i].norm().item<double>(), $"d_{i}: {err}");
        }
    }

    [Fact]
    public void WithoutGradient_ReturnsTheValueAlone()
    {
        var maps = LossTestHelpers.RandomMaps([3, 5, 6], 4, 1e-3);
        using var _ = torch.no_grad();
        var loss = ExactnessLoss.Compute(maps, new ExactnessLossOptions());
        Assert.False(loss.requires_grad);
    }

    [Theory]
    [InlineData(new[] { 2e-3, 1.0, 1.0, 2e-3 })]
    [InlineData(new[] { 1.0, 1e-2, 2e-3, 1.0 })]
    public void TwoThreads_GiveTheSameBitsAsOne(double[] scales)
    {
        var maps = ScaledMaps([3, 4, 6, 9, 5], scales, 7);
        var o = new ExactnessLossOptions();
        using var cores = new CorePair(parallel: true);
        var (valueTwo, gradsTwo) = ProjectionNormLoss.ValueAndGradients(maps, o, withGradient: true, cores);
        var (valueOne, gradsOne) = ProjectionNormLoss.ValueAndGradients(maps, o, withGradient: true, CorePair.Serial);

        Assert.Equal(valueOne, valueTwo);
        Assert.Contains(gradsOne, g => g is not null);
        for (int j = 0; j < maps.Length; j++)
        {
            Assert.Equal(gradsOne[j] is null, gradsTwo[j] is null);
            if (gradsOne[j] is { } g) Assert.True(g.eq(gradsTwo[j]!).all().item<bool>(), $"map {j}: gradients differ");
        }
        // The serial evaluation is the one autograd's path uses: same value.
        Assert.Equal(ProjectionNormLoss.Compute(maps, o).item<double>(), valueOne);
    }
}
