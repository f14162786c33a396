using System.Text.Json;
using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class FeasibilityCommandTests
{
    [Fact]
    public void StudyDims_ExplainsMinimaAndEulerBound()
    {
        CliCapture.Result r = CliCapture.Run("feasibility", "--dims", "16,32,64,128,256");
        r.AssertSucceeded();
        Assert.Contains("b_3 >= n_4 - n_3 = 256 - 128 = 128 for any d_3: [0, 0, 0, 0] is unreachable", r.Out);
        Assert.Contains("minimum [0, 0, 0, 128] (sum 128)", r.Out);
        Assert.Contains("minimal total homology 176 over C_0..C_4, Betti numbers [0, 0, 0, 0, 176]", r.Out);
        Assert.Contains("total homology >= |chi| = 176: attained", r.Out);
    }

    [Fact]
    public void Json_HasBothMinima()
    {
        CliCapture.Result r = CliCapture.Run("feasibility", "--dims", "16, 32, 64, 32, 16", "--json");
        r.AssertSucceeded();
        using JsonDocument json = JsonDocument.Parse(r.Out);
        JsonElement root = json.RootElement;
        Assert.Equal([0, 0, 0, 0], root.GetProperty("study").GetProperty("bettiNumbers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(32, root.GetProperty("chainComplex").GetProperty("eulerCharacteristic").GetInt64()); // 16-32+64-32+16
        Assert.Equal(32, root.GetProperty("chainComplex").GetProperty("totalHomology").GetInt64());
        Assert.NotEmpty(root.GetProperty("explanation").EnumerateArray());
    }

    [Theory]
    [InlineData("16,x,64")]
    [InlineData("16,3.5")]
    [InlineData("5")]
    [InlineData("4,0,2")]
    [InlineData("4,-1")]
    [InlineData("")]
    [InlineData("6000000,6000000")]
    public void BadDims_OneLineErrorNonZeroExit(string dims)
    {
        CliCapture.Result r = CliCapture.Run("feasibility", "--dims", dims);
        r.AssertOneLineError("--dims");
    }

    [Fact]
    public void MissingDims_IsAnError()
    {
        CliCapture.Result r = CliCapture.Run("feasibility");
        r.AssertOneLineError("--dims is required");
    }
}
