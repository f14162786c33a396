using System.Text.Json;

namespace HomalgNN.Tests.Cli;

[Collection("Training")]
public class CompareCommandTests
{
    static CliProcess.Result Compare(string outDir, params string[] extra) => CliProcess.Run(
        ["compare", "--dataset", "mnist-10k", "--data-dir", TestPaths.SharedData, "--train-limit", "256", "--epochs", "1", "--measure-limit", "200", "--out", outDir, .. extra]);

    [Fact]
    public void TwoSeeds_PrintsProgressAndTheTable_WritesBothFiles()
    {
        var outDir = TestPaths.NewTempFolder();

        var r = Compare(outDir, "--seeds", "2");

        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("4 runs: 4 to train", r.StdOut);
        Assert.Contains("[4/4] exact seed 1: test acc", r.StdOut);
        Assert.Contains("4/4 done, ETA", r.StdOut);
        Assert.Contains("exact vs baseline", r.StdOut);
        Assert.Contains("FER score", r.StdOut);
        Assert.Contains("exact vs baseline, same seed", r.StdOut);
        Assert.True(File.Exists(Path.Combine(outDir, "compare.md")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "compare.json")));
        Assert.Equal(9, json.RootElement.GetProperty("table").GetProperty("rows").GetArrayLength());
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("unknown arm 'nope'", "--arms", "baseline,nope")]
    [InlineData("unknown layer 'bridge'", "--layer", "bridge")]
    [InlineData("--arm wide: --lambda must be", "--arm", "wide=--lambda -1")]
    [InlineData("use --arms baseline", "--baseline")]
    [InlineData("--run exact=", "--run", "exact=/nonexistent/runs")]
    public void BadFlags_GiveOneLineErrors(string expected, params string[] flags)
    {
        CliProcess.AssertOneLineError(Compare(TestPaths.NewTempFolder(), flags), expected);
    }
}
