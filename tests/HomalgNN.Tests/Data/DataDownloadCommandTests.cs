using HomalgNN.Data;
using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Data;

/// <summary>`homalg data download` end to end against a local HTTP server (127.0.0.1 only).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DataDownloadCommandTests : IDisposable
{
    readonly TempFolder _root = TestData.NewTempFolder();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Download_UnknownName_IsAUsageErrorListingTheAllowedNames()
    {
        var (code, _, stderr) = CliRunner.Run("data", "download", "cifar10", "--data-dir", _root.Path);

        Assert.Equal(2, code);
        Assert.Contains("unknown dataset 'cifar10'; choose one of: mnist, fashion-mnist, mnist-10k, kmnist", stderr);
        Assert.Empty(_root.Files());
    }

    [Fact]
    public void Download_Mnist10kFromMirror_ExitsZeroAndListThenShowsItVerified()
    {
        using var server = new LocalHttpServer(r => ServerReply.File(TestData.SharedMnistFile(r.Path.TrimStart('/')), r));

        var (code, stdout, stderr) = CliRunner.Run("data", "download", "mnist-10k", "--mirror", server.BaseUrl, "--data-dir", _root.Path, "--timeout", "10");

        Assert.True(code == 0, stderr);
        Assert.Contains($"fetch    {server.BaseUrl}t10k-images-idx3-ubyte.gz (1,648,877 bytes)", stdout);
        Assert.Contains($"ready: mnist-10k in {Path.Combine(_root.Path, "mnist")} (2 files, all verified)", stdout);
        var (_, list, _) = CliRunner.Run("data", "list", "--data-dir", _root.Path);
        Assert.Contains(list.Split('\n'), l => l.Contains("mnist-10k") && l.Contains("verified"));
    }

    [Fact]
    public void Download_EveryAttemptFails_PrintsOneRedLineExitsOneAndLeavesNoFile()
    {
        using var server = new LocalHttpServer(r => ServerReply.Html());

        var (code, _, stderr) = CliRunner.Run("data", "download", "mnist-10k", "--mirror", server.BaseUrl, "--data-dir", _root.Path);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: could not download t10k-images-idx3-ubyte.gz from 1 mirror(s) in 3 attempt(s): ", line);
        Assert.Contains($"{server.BaseUrl}t10k-images-idx3-ubyte.gz: the server sent an HTML page (text/html), not the .gz file", line);
        Assert.DoesNotContain(_root.Files(), f => f.StartsWith("mnist"));
    }
}
