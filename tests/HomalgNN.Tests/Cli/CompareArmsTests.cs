using HomalgNN.Cli.Commands;

namespace HomalgNN.Tests.Cli;

public class CompareArmsTests
{
    static TrainSettings Shared() => new() { Epochs = 3, Lambda = 0.7, WeightDecay = 1e-3, Dropout = 0.3 };

    [Fact]
    public void BuiltIn_OnlyL2AndDropoutRegularise_WithTheGivenStrengths()
    {
        var arms = CompareArms.Build(Shared(), "baseline,chain,exact,l2,dropout", [], []).ToDictionary(a => a.Name, a => a.Training!);

        Assert.True(arms["baseline"].Network.Baseline);
        Assert.Equal((0.0, 0.0), (arms["baseline"].WeightDecay, arms["baseline"].Network.Dropout));
        Assert.Equal((false, 0.0), (arms["chain"].Network.Baseline, arms["chain"].Lambda));
        Assert.Equal((false, 0.7, 0.0, 0.0), (arms["exact"].Network.Baseline, arms["exact"].Lambda, arms["exact"].WeightDecay, arms["exact"].Network.Dropout));
        Assert.Equal((true, 1e-3, 0.0), (arms["l2"].Network.Baseline, arms["l2"].WeightDecay, arms["l2"].Network.Dropout));
        Assert.Equal((true, 0.0, 0.3), (arms["dropout"].Network.Baseline, arms["dropout"].WeightDecay, arms["dropout"].Network.Dropout));
        Assert.All(arms.Values, o => Assert.Equal(3, o.Epochs));
    }

    [Fact]
    public void BuiltIn_WithoutStrengths_UsesTheDefaults()
    {
        var arms = CompareArms.Build(new TrainSettings(), "l2,dropout", [], []);

        Assert.Equal(CompareArms.DefaultWeightDecay, arms[0].Training!.WeightDecay);
        Assert.Equal(CompareArms.DefaultDropout, arms[1].Training!.Network.Dropout);
    }

    [Fact]
    public void CustomArm_OverridesTheFlagsItNames_KeepsTheShared()
    {
        var arm = Assert.Single(CompareArms.Build(Shared(), "", ["sym=--lambda 2 --dims 16,32,64,32,16 --weight-decay 5e-4"], [])).Training!;

        Assert.Equal(2, arm.Lambda);
        Assert.Equal([16, 32, 64, 32, 16], arm.Network.Dims);
        Assert.Equal(3, arm.Epochs); // shared
        Assert.Equal(5e-4, arm.WeightDecay); // named by the arm
        Assert.Equal(0, arm.Network.Dropout); // the shared --dropout is the dropout arm's, not this one's
    }

    [Fact]
    public void Order_ListedArmsThenCustomThenLoaded()
    {
        var arms = CompareArms.Build(new TrainSettings(), "exact,sym", ["sym=--lambda 2", "wide=--dims 32,64"], ["old=/runs/a", "old=/runs/b"]);

        Assert.Equal(["exact", "sym", "wide", "old"], arms.Select(a => a.Name));
        Assert.Equal(["/runs/a", "/runs/b"], arms[3].Runs);
        Assert.Null(arms[3].Training);
    }

    [Theory]
    [InlineData("--arm wide: --dims must be", "wide=--dims 16,x")]
    [InlineData("--arm x: --out applies to the whole comparison", "x=--out elsewhere")]
    [InlineData("--arm must look like NAME=", "--lambda 2")]
    [InlineData("--arm x: ", "x=--no-such-flag")]
    public void CustomArm_BadFlags_NameTheArm(string expected, string arm)
    {
        var e = Assert.Throws<ArgumentException>(() => CompareArms.Build(new TrainSettings(), "baseline", [arm], []));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void SameNameTrainedAndLoaded_IsAnError()
    {
        var e = Assert.Throws<ArgumentException>(() => CompareArms.Build(new TrainSettings(), "exact", ["exact=--lambda 1"], ["exact=/runs"]));
        Assert.Contains("both --arm", e.Message);
    }
}
