using HomalgNN.Experiments;

namespace HomalgNN.Tests.Experiments;

[Collection("Training")]
public class ChainOptimizationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Optimize_ReachesBettiZero_AndKeepsIt_WithTheChainAxiomHolding(int seed)
    {
        var reports = ChainOptimization.Run(new OptimizeOptions([5, 8, 10, 8, 5], Steps: 800, Seed: seed, ReportEvery: 100));
        int first = reports.FindIndex(r => r.Betti.All(b => b == 0));
        Assert.True(first >= 0, $"never reached Betti 0: {string.Join(" ", reports.Select(r => $"[{string.Join(",", r.Betti)}]"))}");
        Assert.All(reports.Skip(first), r => Assert.All(r.Betti, b => Assert.Equal(0, b)));
        Assert.Equal(new[] { 1, 7, 3, 5 }, reports[^1].Ranks);
        Assert.True(reports[^1].ChainAxiomNorm < 1e-6, $"chain-axiom norm {reports[^1].ChainAxiomNorm}");
    }
}
