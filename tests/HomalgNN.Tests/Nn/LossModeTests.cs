using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

public class LossModeTests
{
    // d_0 = [1 0] has ker d_0 = span(e2); d_1 = [0; 1] has im d_1 = span(e2) (aligned), [1; 0] has im = span(e1) (orthogonal).
    static Tensor[] Pair(bool aligned) =>
    [
        torch.tensor(new double[,] { { 1, 0 } }).requires_grad_(true),
        torch.tensor(aligned ? new double[,] { { 0 }, { 1 } } : new double[,] { { 1 }, { 0 } }).requires_grad_(true),
    ];

    static double Loss(ExactnessMode mode, bool aligned, double temperature = 0.05) =>
        ExactnessLoss.Compute(Pair(aligned), new ExactnessLossOptions(mode, Temperature: temperature)).ToDouble();

    [Theory]
    [InlineData(ExactnessMode.ProjectionNorm, 0.0, 2.0)]   // ||P_ker - P_im||_F^2 of two orthogonal lines = 1 + 1
    [InlineData(ExactnessMode.SubspaceAngle, 0.0, 1.0)]    // one principal angle of 90 degrees: sin^2 = 1
    [InlineData(ExactnessMode.Overlap, 0.0, 1.0)]          // tr P_ker - tr(P_im P_ker) = 1 - 0
    public void AlignedAndOrthogonalLines_HaveTheirHandValues(ExactnessMode mode, double aligned, double orthogonal)
    {
        Assert.Equal(aligned, Loss(mode, true), 9);
        Assert.Equal(orthogonal, Loss(mode, false), 9);
    }

    [Fact]
    public void Regularized_AlignedLines_LeaveTheKnownResidual()
    {
        // delta = (0.05 * 1)^2; P_ker = diag(delta/(1+delta), 1), P_im = diag(0, 1/(1+delta)): loss 2 (delta/(1+delta))^2.
        double delta = 0.05 * 0.05;
        Assert.Equal(2 * Math.Pow(delta / (1 + delta), 2), Loss(ExactnessMode.Regularized, true), 12);
        double orth = Loss(ExactnessMode.Regularized, false);
        Assert.Equal(Math.Pow((1 - delta) / (1 + delta), 2) + 1, orth, 9); // P_ker - P_im = diag((delta - 1)/(1 + delta), 1)
    }

    [Fact]
    public void DimensionGap_IsAddedWhenDimensionsDiffer()
    {
        // ker d_0 = span(e2, e3) in R^3, im d_1 = span(e2): subspace_angle = 0 + gap 1; overlap = 2 - 1 + 1.
        var maps = new[] { torch.tensor(new double[,] { { 1, 0, 0 } }), torch.tensor(new double[,] { { 0 }, { 1 }, { 0 } }) };
        Assert.Equal(1.0, ExactnessLoss.Compute(maps, new ExactnessLossOptions(ExactnessMode.SubspaceAngle)).ToDouble(), 9);
        Assert.Equal(2.0, ExactnessLoss.Compute(maps, new ExactnessLossOptions(ExactnessMode.Overlap)).ToDouble(), 9);
        Assert.Equal(1.0, ExactnessLoss.Compute(maps, new ExactnessLossOptions(ExactnessMode.ProjectionNorm)).ToDouble(), 9);
    }

    [Fact]
    public void Sparsity_CountsSingularValuesSittingAtEps()
    {
        var eps = 1e-3;
        var maps = new[] { torch.tensor(new double[,] { { eps, 0 }, { 0, 5 } }) };
        // exp(0) for s = eps, exp(-(5 - eps)^2 / eps^2) = 0 for s = 5.
        Assert.Equal(1.0, ExactnessLoss.Sparsity(maps, eps).ToDouble(), 12);
    }

    [Theory]
    [InlineData(ExactnessMode.ProjectionNorm)]
    [InlineData(ExactnessMode.SubspaceAngle)]
    [InlineData(ExactnessMode.Overlap)]
    [InlineData(ExactnessMode.Regularized)]
    public void EveryMode_GradientMatchesCentralFiniteDifferences(ExactnessMode mode)
    {
        var maps = LossTestHelpers.RandomMaps([2, 4, 3], 21, scale: mode == ExactnessMode.Regularized ? 1.0 : 2e-3);
        var opts = new ExactnessLossOptions(mode, Epsilon: 1e-3, SparsityWeight: mode == ExactnessMode.ProjectionNorm ? 0.1 : 0);
        // delta is held constant in the gradient (it only sets the scale), so finite differences keep it fixed too.
        double d0 = RegularizedProjector.Delta(maps[0], 0.05), d1 = RegularizedProjector.Delta(maps[1], 0.05);
        Func<Tensor[], Tensor> f = mode == ExactnessMode.Regularized
            ? ms => (RegularizedProjector.Kernel(ms[0], d0) - RegularizedProjector.Image(ms[1], d1)).square().sum()
            : ms => ExactnessLoss.Compute(ms, opts);
        if (mode == ExactnessMode.Regularized)
            Assert.Equal(f(maps).ToDouble(), ExactnessLoss.Compute(maps, opts with { Normalize = false }).ToDouble(), 12);
        AssertGradientMatches(f, maps);
    }

    [Fact]
    public void ChainAxiomAndRankTargetLosses_GradientsMatchFiniteDifferences()
    {
        var maps = LossTestHelpers.RandomMaps([3, 4, 5], 8);
        AssertGradientMatches(ms => ChainAxiomLoss.Compute(ms), maps);
        AssertGradientMatches(ms => RankTargetLoss.Compute(ms, [1, 2]), maps);
    }

    [Theory]
    [InlineData(ExactnessMode.SubspaceAngle)]
    [InlineData(ExactnessMode.Overlap)]
    [InlineData(ExactnessMode.Regularized)]
    public void EveryMode_HasFiniteGradients_OnZeroMaps(ExactnessMode mode)
    {
        var maps = new[] { torch.zeros(3, 4, dtype: ScalarType.Float64).requires_grad_(true), torch.zeros(4, 2, dtype: ScalarType.Float64).requires_grad_(true) };
        var loss = ExactnessLoss.Compute(maps, new ExactnessLossOptions(mode));
        Assert.True(double.IsFinite(loss.ToDouble()));
        foreach (var g in torch.autograd.grad([loss], maps)) Assert.True(g.isfinite().all().item<bool>());
    }

    [Fact]
    public void RankTargetLoss_IsTheSumOfSquaresOfTheTrailingSingularValues()
    {
        var a = torch.tensor(new double[,] { { 3, 0, 0 }, { 0, 2, 0 } });
        Assert.Equal(4.0, RankTargetLoss.Compute([a], [1]).ToDouble(), 12);
        Assert.Equal(0.0, RankTargetLoss.Compute([a], [2]).ToDouble(), 12);
        Assert.Throws<ArgumentException>(() => RankTargetLoss.Compute([a], [3]));
    }

    [Fact]
    public void ExactTargetsFromTop_GiveAnExactComplexWithHomologyAtC0Only()
    {
        Assert.Equal(new[] { 1, 7, 3, 5 }, RankTargetLoss.ExactTargetsFromTop([5, 8, 10, 8, 5]));
        Assert.Equal(new[] { 0, 32, 16, 16 }, RankTargetLoss.ExactTargetsFromTop([16, 32, 64, 32, 16]));
    }

    static void AssertGradientMatches(Func<Tensor[], Tensor> loss, Tensor[] maps)
    {
        var grads = torch.autograd.grad([loss(maps)], maps);
        for (int i = 0; i < maps.Length; i++)
        {
            var fd = LossTestHelpers.FiniteDifference(() => { using var _ = torch.no_grad(); return loss(maps).ToDouble(); }, maps[i], 1e-7);
            var g = grads[i].flatten().data<double>().ToArray();
            double scale = Math.Max(1e-8, g.Select(Math.Abs).Max());
            for (int j = 0; j < g.Length; j++)
                Assert.True(Math.Abs(g[j] - fd[j]) <= 1e-4 * scale + 1e-7, $"d_{i}[{j}]: autograd {g[j]} vs finite difference {fd[j]}");
        }
    }
}
