using HomalgNN.Cli.Display;
using HomalgNN.Experiments.Comparisons;

namespace HomalgNN.Tests.Cli;

public class CompareEtaTests
{
    [Fact]
    public void Eta_AveragesByArmAndKind_ExtrapolatesTheFirstTrainedRun()
    {
        PlannedRun Run(string arm, RunAction action) => new(arm, 0, "f", action, null);
        var now = TimeSpan.Zero;
        var eta = new CompareEta(
            [Run("a", RunAction.Reuse), Run("a", RunAction.Train), Run("b", RunAction.Train), Run("a", RunAction.Train), Run("b", RunAction.Reuse)], () => now);

        eta.Started(0);
        now += TimeSpan.FromSeconds(2);
        eta.Finished(0);
        eta.Started(1);
        Assert.Null(eta.Remaining); // no trained run finished, none begun
        now += TimeSpan.FromSeconds(10);
        eta.Progress(0.25); // 10 s for a quarter: 40 s a trained run
        Assert.Equal(30 + 40 + 40 + 2, eta.Remaining!.Value.TotalSeconds, 1e-9);
        now += TimeSpan.FromSeconds(20);
        eta.Finished(1); // arm a: 30 s; b has no run yet and takes the average of all
        Assert.Equal(30 + 30 + 2, eta.Remaining!.Value.TotalSeconds, 1e-9);
        eta.Started(2);
        now += TimeSpan.FromSeconds(90);
        eta.Finished(2); // arm b: 90 s, a stays at 30 s
        Assert.Equal(30 + 2, eta.Remaining!.Value.TotalSeconds, 1e-9);
        Assert.Equal(3, eta.Done);
        Assert.Equal("1m 05s", CompareEta.Format(TimeSpan.FromSeconds(65)));
        Assert.Equal("--", CompareEta.Format(null));
    }
}
