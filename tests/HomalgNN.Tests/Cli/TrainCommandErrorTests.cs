using HomalgNN.Tests.Data;

namespace HomalgNN.Tests.Cli;

public class TrainCommandErrorTests
{
    static CliProcess.Result Train(string dataDir, params string[] extra) =>
        CliProcess.Run(["train", "--dataset", "mnist-10k", "--data-dir", dataDir, "--epochs", "1", .. extra]);

    [Fact]
    public void CorruptImagesFile_GivesOneLineError()
    {
        var root = TestPaths.NewTempFolder();
        IdxFixtures.WriteTestPair(Path.Combine(root, "mnist"), 30);
        var images = Path.Combine(root, "mnist", "t10k-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(images);
        for (int i = 20; i < bytes.Length - 8; i += 7) bytes[i] ^= 0x5a;
        File.WriteAllBytes(images, bytes);
        CliProcess.AssertOneLineError(Train(root), "t10k-images-idx3-ubyte.gz");
    }

    [Fact]
    public void TruncatedRawLabels_GivesOneLineError()
    {
        var root = TestPaths.NewTempFolder();
        IdxFixtures.WriteTestPair(Path.Combine(root, "mnist"), 30, gzip: false);
        var labels = Path.Combine(root, "mnist", "t10k-labels-idx1-ubyte");
        File.WriteAllBytes(labels, File.ReadAllBytes(labels)[..20]);
        CliProcess.AssertOneLineError(Train(root), "truncated");
    }

    [Fact]
    public void MismatchedImageAndLabelCounts_GiveOneLineError()
    {
        var root = TestPaths.NewTempFolder();
        var folder = Path.Combine(root, "mnist");
        IdxFixtures.WriteTestPair(folder, 30);
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), IdxFixtures.Gzip(IdxFixtures.Bytes([29], i => 3)));
        CliProcess.AssertOneLineError(Train(root), "30 images");
    }

    [Fact]
    public void MissingData_SaysHowToGetIt()
    {
        var r = Train(TestPaths.NewTempFolder());
        CliProcess.AssertOneLineError(r, "homalg data download");
    }

    [Theory]
    [InlineData("--lambda", "-1", "--lambda")]
    [InlineData("--dims", "16,x,64", "--dims")]
    [InlineData("--dims", "16,32,64,128,512", "exceeds the encoder's width")]
    [InlineData("--epochs", "0", "--epochs")]
    [InlineData("--lambda", "NaN", "--lambda")]
    public void BadFlags_GiveOneLineUsageError(string flag, string value, string expected)
    {
        var r = Train(TestPaths.SharedData, flag, value);
        CliProcess.AssertOneLineError(r, expected);
    }

    [Fact]
    public void UnknownFlag_IsAUsageError()
    {
        var r = CliProcess.Run(["train", "--lamda", "0.5"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("lamda", r.StdErr);
    }
}
