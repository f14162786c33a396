namespace HomalgNN.Tests.Cli;

public class HelpTests
{
    // A '[' in a flag's description once made `train --help` fail as malformed Spectre markup.
    [Theory]
    [InlineData("train", "--train-limit")]
    [InlineData("diagnose", "--log-every")]
    [InlineData("optimize", "--steps")]
    [InlineData("frontier", "--lambdas")]
    [InlineData("homology", "--facets")]
    [InlineData("feasibility", "--dims")]
    [InlineData("sweep", "--grid")]
    [InlineData("study", "--epochs-scale")]
    [InlineData("merge", "<DIR>")]
    [InlineData("compare", "--arms")]
    public void EveryCommand_ExplainsItsFlags(string command, string flag)
    {
        var r = CliProcess.Run([command, "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("USAGE", r.StdOut);
        Assert.Contains(flag, r.StdOut);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void TrainHelp_SaysWhatMnist10kIs()
    {
        var r = CliProcess.Run(["train", "--help"]);
        Assert.Contains("8,000 train / 2,000 test", r.StdOut.Replace("\n", " "));
    }
}
