using HomalgNN.Algebra.Feasibility;
using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Nn;

/// <summary>The losses that replace the study's inert regulariser: they must act where the study's does not.</summary>
public class ActingLossTests
{
    static Tensor[] StudyStart(int seed)
    {
        torch.manual_seed(seed);
        using var chain = new ChainModule(NetworkConfig.StudyDims, ChainInit.Orthogonal);
        return chain.BoundaryMaps.Select(p => p.detach().clone().requires_grad_(true)).ToArray();
    }

    static double GradientToValue(Func<Tensor[], Tensor> loss, Tensor[] maps)
    {
        var value = loss(maps);
        var grads = torch.autograd.grad([value], maps, allow_unused: true);
        double norm = Math.Sqrt(grads.Where(g => g is not null && !g.IsInvalid).Sum(g => g.square().sum().ToDouble()));
        return norm / Math.Abs(value.ToDouble());
    }

    [Fact]
    public void AtTheStudysStart_NewLossesHaveLargeGradients_TheStudysHasNone()
    {
        var maps = StudyStart(0);
        double study = GradientToValue(m => ExactnessLoss.Compute(m, new ExactnessLossOptions()), maps);
        double regularized = GradientToValue(m => ExactnessLoss.Compute(m, new ExactnessLossOptions(ExactnessMode.Regularized)), maps);
        var targets = FeasibilityAnalysis.For(NetworkConfig.StudyDims).ChainComplex.Ranks.ToArray();
        double rank = GradientToValue(m => RankTargetLoss.Compute(m, targets), maps);
        double axiom = GradientToValue(m => ChainAxiomLoss.Compute(m, normalized: true), maps);
        Assert.True(study < 1e-10, $"the study's loss should be flat at full rank: |grad|/loss = {study}");
        Assert.True(regularized > 1e-3, $"regularized: |grad|/loss = {regularized}");
        Assert.True(rank > 1e-2, $"rank target: |grad|/loss = {rank}");
        Assert.True(axiom > 1e-2, $"normalised chain axiom: |grad|/loss = {axiom}");
    }

    [Fact]
    public void NormalisedChainAxiom_IsScaleFree_AndMatchesFiniteDifferences()
    {
        var maps = LossTestHelpers.RandomMaps([3, 4, 5], 12);
        double v = ChainAxiomLoss.Compute(maps, normalized: true).ToDouble();
        var scaled = maps.Select(m => (m.detach() * 7.5).requires_grad_(true)).ToArray();
        Assert.Equal(v, ChainAxiomLoss.Compute(scaled, normalized: true).ToDouble(), 10);
        var grads = torch.autograd.grad([ChainAxiomLoss.Compute(maps, normalized: true)], maps);
        for (int i = 0; i < maps.Length; i++)
        {
            var fd = LossTestHelpers.FiniteDifference(() => { using var _ = torch.no_grad(); return ChainAxiomLoss.Compute(maps, normalized: true).ToDouble(); }, maps[i], 1e-7);
            var g = grads[i].flatten().data<double>().ToArray();
            for (int j = 0; j < g.Length; j++) Assert.True(Math.Abs(g[j] - fd[j]) < 1e-6 + 1e-4 * Math.Abs(fd[j]), $"d_{i}[{j}]: {g[j]} vs {fd[j]}");
        }
    }

    [Fact]
    public void ExactLinearChain_HasZeroOutput_WhileActivationAndResidualChainsDoNot()
    {
        // An exact complex 0 -> R^2 -> R^3 -> R^1 -> 0 (d_0 d_1 = 0) as a chain module's maps.
        var d0 = new double[,] { { 1, 1, 1 } };
        var d1 = new double[,] { { 1, 0 }, { -1, 1 }, { 0, -1 } };
        Tensor Output(ChainActivation a, bool residual)
        {
            using var chain = new ChainModule([1, 3, 2], ChainInit.Zero, activation: a, residual: residual);
            using (torch.no_grad())
            {
                chain.BoundaryMap(0).copy_(torch.tensor(d0));
                chain.BoundaryMap(1).copy_(torch.tensor(d1));
            }
            torch.manual_seed(1);
            using var x = torch.randn(64, 2, dtype: ScalarType.Float64);
            using (torch.no_grad()) return chain.forward(x).detach().clone();
        }
        Assert.True(HomalgNN.Algebra.ChainComplex.FromMaps([d0, d1]).IsExact);
        Assert.Equal(0.0, Output(ChainActivation.None, false).abs().max().ToDouble(), 12);
        Assert.True(Output(ChainActivation.Relu, false).abs().max().ToDouble() > 1e-3);
        Assert.True(Output(ChainActivation.Tanh, false).abs().max().ToDouble() > 1e-3);
        Assert.True(Output(ChainActivation.None, true).abs().max().ToDouble() > 1e-3);
    }

    [Fact]
    public void RankTargetLoss_AloneMovesRanksToTheTarget()
    {
        torch.manual_seed(5);
        var ps = new[] { new TorchSharp.Modules.Parameter(torch.randn(4, 6, dtype: ScalarType.Float64)), new TorchSharp.Modules.Parameter(torch.randn(6, 5, dtype: ScalarType.Float64)) };
        int[] target = [2, 3];
        using var opt = optim.Adam(ps, lr: 0.05);
        for (int step = 0; step < 400; step++)
        {
            opt.zero_grad();
            RankTargetLoss.Compute(ps, target).backward();
            opt.step();
        }
        var c = HomalgNN.Algebra.ChainComplex.FromTensors(ps);
        Assert.Equal(target, c.Ranks);
    }
}
