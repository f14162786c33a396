using HomalgNN.Cli.Commands;
using HomalgNN.Tests.Cli;

namespace HomalgNN.Tests.Experiments;

public class GridFileTests
{
    static string Write(string json)
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "grid.json");
        File.WriteAllText(path, json);
        return path;
    }

    static TrainSettings Base() => new() { Dataset = "mnist-10k", DataDir = TestPaths.SharedData };

    [Fact]
    public void Grid_IsTheProductOfItsAxes_EveryFlagParsedAsOnTheCommandLine()
    {
        var path = Write("""{"lambda": [0.1, 1.0], "dims": ["16,32,64,128,256", [16,32,64,32,16]], "--baseline": [false, true], "train-limit": [null]}""");
        var plan = SweepPlanner.Plan(Base(), SweepPlanner.Axes(Base(), path), [0, 1]);
        Assert.Equal(["lambda", "dims", "baseline", "train-limit"], plan.Sweep!.Axes);
        Assert.Equal(8, plan.Sweep.Points.Count);
        Assert.Equal(16, plan.Runs.Count);
        var last = plan.Runs[^1].Options;
        Assert.Equal((1.0, true, 1), (last.Lambda, last.Network.Baseline, last.Seed));
        Assert.Equal([16, 32, 64, 32, 16], last.Network.Dims);
        Assert.Equal("16,32,64,32,16", plan.Sweep.Points[^1].Values["dims"]);
    }

    [Theory]
    [InlineData("{\"lambda\": [0.1,", "is not valid JSON")]
    [InlineData("[0.1, 1.0]", "must be a JSON object")]
    [InlineData("{}", "must be a JSON object")]
    [InlineData("{\"lamda\": [0.1]}", "\"lamda\": not a flag of `train`")]
    [InlineData("{\"seed\": [0, 1]}", "use --seeds")]
    [InlineData("{\"out\": [\"a\"]}", "cannot vary --out")]
    [InlineData("{\"lambda\": []}", "non-empty list")]
    [InlineData("{\"lambda\": 0.1}", "non-empty list")]
    [InlineData("{\"lambda\": [0.1, 0.1]}", "the value 0.1 appears twice")]
    [InlineData("{\"lambda\": [{\"a\": 1}]}", "values must be numbers")]
    [InlineData("{\"lambda\": [0.1], \"--lambda\": [1]}", "appears twice")]
    [InlineData("{\"lambda\": [0.1, -1]}", "sweep point lambda=-1: --lambda must be a finite number >= 0")]
    [InlineData("{\"epochs\": [\"x\"]}", "sweep point epochs=x: --epochs must be an integer, got 'x'")]
    [InlineData("{\"dims\": [\"16,32,64,128,512\"]}", "sweep point dims=16,32,64,128,512: the chain's top dimension")]
    [InlineData("{\"baseline\": [null]}", "--baseline needs a value")]
    public void BadGrid_IsOneLineNamingTheFault(string json, string expected)
    {
        var path = Write(json);
        var e = Assert.ThrowsAny<Exception>(() => SweepPlanner.Plan(Base(), SweepPlanner.Axes(Base(), path), [0]));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void LambdaListAndGridLambda_AreRejected()
    {
        var settings = Base();
        settings.LambdaText = "0.1,0.5";
        var e = Assert.Throws<ArgumentException>(() => SweepPlanner.Axes(settings, Write("{\"lambda\": [1.0]}")));
        Assert.Contains("lambda is swept twice", e.Message);
    }

    [Fact]
    public void BadGrid_OnTheCommandLine_IsOneErrorLine()
    {
        var r = CliProcess.Run(["sweep", "--dataset", "mnist-10k", "--data-dir", TestPaths.SharedData, "--grid", Write("{\"lamda\": [0.1]}")]);
        CliProcess.AssertOneLineError(r, "not a flag of `train`");
        Assert.DoesNotContain("runs in this shard", r.StdOut); // validated before anything trains
    }
}
