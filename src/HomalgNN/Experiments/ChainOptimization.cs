using HomalgNN.Algebra;
using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Experiments;

/// <summary>Settings of the pure chain optimisation: no data, loss = exactness + w_ax chain axiom, AdamW.</summary>
public sealed record OptimizeOptions(
    int[] Dims,
    int Steps = 2000,
    int Seed = 0,
    double LearningRate = 1e-2,
    double AxiomWeight = 0.5,
    double WeightDecay = 1e-2,
    double Epsilon = 1e-3,
    int ReportEvery = 200,
    ChainInit Init = ChainInit.Normal,
    double InitScale = 0.5,
    ExactnessMode Mode = ExactnessMode.Regularized,
    double RankWeight = 10.0,
    int[]? TargetRanks = null,
    bool CosineDecay = true,
    double TemperatureStart = 0.05,
    double TemperatureEnd = 1e-4);

/// <summary>The chain's state at one reported step.</summary>
public sealed record OptimizeReport(int Step, int[] Betti, int[] Ranks, double ExactnessLoss, double ChainAxiomLoss, double ChainAxiomNorm);

/// <summary>Optimises a free chain towards exactness (the original's `optimize` experiment).</summary>
public static class ChainOptimization
{
    /// <summary>Runs the optimisation; <paramref name="report"/> sees step 0, every ReportEvery steps and the last step.</summary>
    public static List<OptimizeReport> Run(OptimizeOptions o, Action<OptimizeReport>? report = null)
    {
        if (o.Steps < 1) throw new ArgumentException($"--steps must be at least 1, got {o.Steps}");
        if (o.ReportEvery < 1) throw new ArgumentException($"--report-every must be at least 1, got {o.ReportEvery}");
        torch.manual_seed(o.Seed);
        using var chain = new ChainModule(o.Dims, o.Init, ScalarType.Float64, o.InitScale);
        using var optimizer = optim.AdamW(chain.parameters(), lr: o.LearningRate, weight_decay: o.WeightDecay);
        var loss = new ExactnessLossOptions(o.Mode, o.Epsilon);
        var targets = o.TargetRanks ?? RankTargetLoss.ExactTargetsFromTop(o.Dims);
        var reports = new List<OptimizeReport>();
        for (int step = 0; step <= o.Steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            if (o.CosineDecay)
                foreach (var g in optimizer.ParamGroups) g.LearningRate = o.LearningRate * (1 + Math.Cos(Math.PI * step / o.Steps)) / 2;
            var maps = chain.BoundaryMaps.Cast<Tensor>().ToArray();
            // The regularised projectors' bias vanishes as the temperature goes to 0: anneal it geometrically.
            var ex = ExactnessLoss.Compute(maps, loss with { Temperature = o.TemperatureStart * Math.Pow(o.TemperatureEnd / o.TemperatureStart, (double)step / o.Steps) });
            var ax = ChainAxiomLoss.Compute(maps);
            if (step % o.ReportEvery == 0 || step == o.Steps)
            {
                var complex = chain.ToChainComplex(Tolerance.Absolute(o.Epsilon));
                var r = new OptimizeReport(step, complex.BettiNumbers(), complex.Ranks, ex.ToDouble(), ax.ToDouble(),
                    complex.ChainAxiomNorms().DefaultIfEmpty(0).Max());
                reports.Add(r);
                report?.Invoke(r);
            }
            if (step == o.Steps) break;
            var total = ex + o.AxiomWeight * ax;
            if (o.RankWeight > 0) total = total + o.RankWeight * RankTargetLoss.Compute(maps, targets);
            optimizer.zero_grad();
            total.backward();
            optimizer.step();
        }
        return reports;
    }
}
