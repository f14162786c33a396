using HomalgNN.Data;
using HomalgNN.Data.Download;
using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Data;

/// <summary>The downloader against a local HTTP server on 127.0.0.1 serving the real MNIST test set from ../shared/data.</summary>
public sealed class DownloaderTests : IDisposable
{
    const string Images = "t10k-images-idx3-ubyte.gz", Labels = "t10k-labels-idx1-ubyte.gz";
    readonly TempFolder _root = TestData.NewTempFolder();
    readonly RecordingProgress _progress = new();

    public void Dispose() => _root.Dispose();

    string MnistFolder => Path.Combine(_root.Path, "mnist");

    /// <summary>The real file named at the end of the request path, or 404.</summary>
    static ServerReply Good(ServedRequest r, bool honourRange = true)
    {
        var name = r.Path[(r.Path.LastIndexOf('/') + 1)..];
        return name is Images or Labels ? ServerReply.File(TestData.SharedMnistFile(name), r, honourRange) : ServerReply.NotFound();
    }

    async Task<IReadOnlyList<FileVerification>> Download(DatasetSpec spec, int rounds, params string[] mirrors)
    {
        var options = new DownloadOptions { Mirrors = mirrors, Rounds = rounds, Backoff = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(10) };
        using var http = DatasetDownloader.CreateHttpClient();
        var cache = VerificationCache.ForRoot(_root.Path);
        return await new DatasetDownloader(http, options, _progress, cache).DownloadAsync(spec, _root.Path);
    }

    void AssertNothingWritten() =>
        Assert.DoesNotContain(_root.Files(), f => f.StartsWith("mnist"));

    [Fact]
    public async Task DownloadAsync_Mnist10kFromLocalMirror_VerifiesAndPlacesFilesWhereTheLocatorFindsThem()
    {
        using var server = new LocalHttpServer(r => Good(r));

        var files = await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl + "mnist/");

        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
        Assert.Equal([Path.Combine(MnistFolder, Images), Path.Combine(MnistFolder, Labels)], files.Select(f => f.Path));
        Assert.Equal(TestData.SharedMnistFile(Images), File.ReadAllBytes(Path.Combine(MnistFolder, Images)));
        Assert.Equal(MnistFolder, DatasetLocator.FindFolder(DatasetCatalog.Mnist10k, _root.Path));
        Assert.Equal(["mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz", VerificationCache.FileName], _root.Files());
        Assert.Equal(["/mnist/t10k-images-idx3-ubyte.gz", "/mnist/t10k-labels-idx1-ubyte.gz"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task DownloadAsync_SecondRun_KeepsVerifiedFilesWithoutAnyRequest()
    {
        using var server = new LocalHttpServer(r => Good(r));
        await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl);
        int requests = server.Requests.Count;

        var files = await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl);

        Assert.Equal(requests, server.Requests.Count);
        Assert.Equal(2, _progress.Events.Count(e => e.StartsWith("skipped ")));
        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
    }

    [Fact]
    public async Task DownloadAsync_HtmlPageFromFirstMirror_IsRejectedAndTheNextMirrorSucceeds()
    {
        using var server = new LocalHttpServer(r => r.Path.StartsWith("/broken/") ? ServerReply.Html() : Good(r));

        var files = await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl + "broken/", server.BaseUrl + "good/");

        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
        var failure = Assert.Single(_progress.Failures, f => f.Contains(Images));
        Assert.Contains($"{server.BaseUrl}broken/{Images}: the server sent an HTML page (text/html)", failure);
        Assert.DoesNotContain(_root.Files(), f => f.EndsWith(".part"));
    }

    [Fact]
    public async Task DownloadAsync_HtmlBodyWithoutHtmlType_IsRejectedAsNotGzipAndRetried()
    {
        int calls = 0;
        // The first answer is an error page labelled as binary; the retry gets the file.
        using var server = new LocalHttpServer(r => Interlocked.Increment(ref calls) == 1
            ? ServerReply.Html() with { ContentType = "application/octet-stream" }
            : Good(r));

        var files = await Download(DatasetCatalog.Mnist10k, 2, server.BaseUrl);

        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
        Assert.Contains("not a gzip file (starts with \"<!DOCTYPE html>", Assert.Single(_progress.Failures));
    }

    public static TheoryData<string, string> CorruptBodies => new()
    {
        { "flipped", "gzip" },
        { "truncated", "truncated" },
        { "other content", "MD5 of the decompressed content is" },
        { "wrong shape", "IDX dimensions 9999, expected 10000" },
    };

    [Theory]
    [MemberData(nameof(CorruptBodies))]
    public async Task DownloadAsync_CorruptBody_IsRejectedNamingUrlAndFaultAndLeavesNoFile(string corruption, string fault)
    {
        var good = TestData.SharedMnistFile(Labels);
        var bad = corruption switch
        {
            "flipped" => Flip(good, good.Length / 2),
            "truncated" => good[..(good.Length - 100)],
            "other content" => IdxBytes.Gzip(IdxBytes.Create([10000], modulo: 10)),
            _ => IdxBytes.Gzip(IdxBytes.Create([9999], modulo: 10)),
        };
        using var server = new LocalHttpServer(r => r.Path.EndsWith(Labels) ? ServerReply.File(bad, r) : Good(r));

        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => Download(DatasetCatalog.Mnist10k, 2, server.BaseUrl));

        Assert.Contains($"{server.BaseUrl}{Labels}: ", e.Message);
        Assert.Contains(fault, e.Message);
        Assert.Equal(2, _progress.Failures.Count());
        Assert.False(File.Exists(Path.Combine(MnistFolder, Labels)));
        Assert.False(File.Exists(Path.Combine(MnistFolder, Labels + ".part")));
    }

    [Fact]
    public async Task DownloadAsync_EveryMirrorFails_ThrowsOneLineNamingEachUrlAndLeavesNothing()
    {
        using var refused = new LocalHttpServer(r => ServerReply.NotFound());
        string closedPort = refused.BaseUrl + "gone/";
        using var server = new LocalHttpServer(r => r.Path.StartsWith("/html/") ? ServerReply.Html() : ServerReply.NotFound());
        refused.Dispose();

        var e = await Assert.ThrowsAsync<DownloadFailedException>(() =>
            Download(DatasetCatalog.Mnist10k, 2, server.BaseUrl + "html/", server.BaseUrl + "missing/", closedPort));

        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith($"could not download {Images} from 3 mirror(s) in 5 attempt(s): ", e.Message);
        Assert.Contains($"{server.BaseUrl}html/{Images}: the server sent an HTML page", e.Message);
        Assert.Contains($"{server.BaseUrl}missing/{Images}: HTTP 404 Not Found", e.Message);
        Assert.Contains($"{closedPort}{Images}: ", e.Message);
        // The 404 mirror is not asked again in the second round.
        Assert.Equal(5, _progress.Failures.Count());
        Assert.Single(server.Requests, r => r.Path.StartsWith("/missing/"));
        AssertNothingWritten();
        // Not even the data set's folder, which the download created.
        Assert.False(Directory.Exists(DatasetLocator.DownloadFolder(DatasetCatalog.Mnist10k, _root.Path)));
    }

    [Fact]
    public async Task DownloadAsync_PartialFilePresent_ResumesWithRangeRequestAndVerifies()
    {
        var full = TestData.SharedMnistFile(Images);
        const int have = 600_000;
        Directory.CreateDirectory(MnistFolder);
        File.WriteAllBytes(Path.Combine(MnistFolder, Images + ".part"), full[..have]);
        using var server = new LocalHttpServer(r => Good(r));

        var files = await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl);

        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
        Assert.Equal(have, server.Requests.First().RangeFrom);
        Assert.Contains(_progress.Events, e => e.StartsWith($"started {server.BaseUrl}{Images} at {have} of {full.Length}"));
        Assert.Equal(full.Length - have + TestData.SharedMnistFile(Labels).Length, server.BytesSent);
        Assert.Equal(full, File.ReadAllBytes(Path.Combine(MnistFolder, Images)));
    }

    [Fact]
    public async Task DownloadAsync_ServerIgnoresRange_StartsOverAndVerifies()
    {
        Directory.CreateDirectory(MnistFolder);
        File.WriteAllBytes(Path.Combine(MnistFolder, Images + ".part"), new byte[1000]);
        using var server = new LocalHttpServer(r => Good(r, honourRange: false));

        var files = await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl);

        Assert.Equal(1000, server.Requests.First().RangeFrom);
        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
        Assert.Equal(TestData.SharedMnistFile(Images), File.ReadAllBytes(Path.Combine(MnistFolder, Images)));
    }

    [Fact]
    public async Task DownloadAsync_ConnectionDropsMidBody_NextAttemptResumesFromTheBytesReceived()
    {
        int calls = 0;
        using var server = new LocalHttpServer(r => Interlocked.Increment(ref calls) == 1
            ? Good(r) with { CutAfter = 500_000 }
            : Good(r));

        var files = await Download(DatasetCatalog.Mnist10k, 2, server.BaseUrl);

        Assert.All(files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
        Assert.Equal([null, 500_000, null], server.Requests.Select(r => r.RangeFrom));
        Assert.Single(_progress.Failures);
    }

    [Fact]
    public async Task DownloadAsync_SilentServer_TimesOutAndFails()
    {
        using var server = new LocalHttpServer(r => new ServerReply(200, "", []) { Stall = true });
        var options = new DownloadOptions { Mirrors = [server.BaseUrl], Rounds = 1, Timeout = TimeSpan.FromMilliseconds(300) };
        using var http = DatasetDownloader.CreateHttpClient();
        var downloader = new DatasetDownloader(http, options, _progress, new VerificationCache(null));

        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadAsync(DatasetCatalog.Mnist10k, _root.Path));

        Assert.Contains("no data for 0.3 s (timeout)", e.Message);
        AssertNothingWritten();
    }

    [Fact]
    public async Task DownloadAsync_ExistingInvalidFile_IsFetchedAgain()
    {
        Directory.CreateDirectory(MnistFolder);
        var stale = Path.Combine(MnistFolder, "t10k-labels-idx1-ubyte");
        File.WriteAllBytes(stale, IdxBytes.Create([10000], modulo: 7));
        using var server = new LocalHttpServer(r => Good(r));

        var files = await Download(DatasetCatalog.Mnist10k, 1, server.BaseUrl);

        Assert.Contains(_progress.Events, e => e.StartsWith($"replacing {stale}: MD5 of the decompressed content is"));
        Assert.Equal(Path.Combine(MnistFolder, Labels), files[1].Path);
        Assert.Equal(VerificationStatus.Verified, files[1].Status);
        Assert.Equal(files[1].Path, DatasetLocator.ResolveFile(MnistFolder, "t10k-labels-idx1-ubyte"));
    }

    static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        for (int i = at; i < at + 16; i++) copy[i] ^= 0x5a;
        return copy;
    }
}
