using System.Text.Json;
using HomalgNN.Data;
using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Data;

/// <summary>`homalg data list` and the verification behind it, on temporary data roots.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DataListTests : IDisposable
{
    readonly TempFolder _root = TestData.NewTempFolder();

    public void Dispose() => _root.Dispose();

    void CopySharedMnistTestSet()
    {
        var mnist = Directory.CreateDirectory(Path.Combine(_root.Path, "mnist")).FullName;
        foreach (var f in new[] { "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
            File.Copy(Path.Combine(TestData.SharedMnist, f), Path.Combine(mnist, f));
    }

    Dictionary<string, JsonElement> ListJson()
    {
        var (code, stdout, stderr) = CliRunner.Run("data", "list", "--data-dir", _root.Path, "--json");
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
    }

    [Fact]
    public void List_Json_ReportsMnist10kVerifiedWithItsSplitAndTheOthersMissing()
    {
        CopySharedMnistTestSet();

        var sets = ListJson();

        Assert.Equal(["mnist", "fashion-mnist", "mnist-10k", "kmnist"], sets.Keys);
        var tenK = sets["mnist-10k"];
        Assert.Equal("verified", tenK.GetProperty("status").GetString());
        Assert.Equal(Path.Combine(_root.Path, "mnist"), tenK.GetProperty("folder").GetString());
        Assert.Equal(8000, tenK.GetProperty("train").GetInt32());
        Assert.Equal(2000, tenK.GetProperty("test").GetInt32());
        Assert.All(tenK.GetProperty("files").EnumerateArray(), f => Assert.Equal("Verified", f.GetProperty("status").GetString()));
        foreach (var name in new[] { "mnist", "fashion-mnist", "kmnist" })
        {
            Assert.Equal("missing", sets[name].GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, sets[name].GetProperty("folder").ValueKind);
            Assert.Equal($"./homalg data download {name}", sets[name].GetProperty("download").GetString());
        }
    }

    [Fact]
    public void List_Table_ShowsFolderCountsAndTheCommandForMissingSets()
    {
        CopySharedMnistTestSet();

        var (code, stdout, _) = CliRunner.Run("data", "list", "--data-dir", _root.Path);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("mnist-10k") && l.Contains("verified") && l.Contains(Path.Combine(_root.Path, "mnist")) && l.Contains("8,000") && l.Contains("2,000"));
        Assert.Contains(lines, l => l.Contains("kmnist") && l.Contains("missing") && l.Contains("get it: ./homalg data download kmnist"));
        Assert.Contains(lines, l => l.Contains("fashion-mnist") && l.Contains("get it: ./homalg data download fashion-mnist"));
    }

    [Fact]
    public void List_CorruptFile_ReportsInvalidNamingFileAndFault()
    {
        CopySharedMnistTestSet();
        var labels = Path.Combine(_root.Path, "mnist", "t10k-labels-idx1-ubyte.gz");
        File.WriteAllBytes(labels, File.ReadAllBytes(labels)[..2000]);

        var sets = ListJson();

        Assert.Equal("invalid", sets["mnist-10k"].GetProperty("status").GetString());
        var bad = sets["mnist-10k"].GetProperty("files").EnumerateArray().Single(f => f.GetProperty("status").GetString() == "Invalid");
        Assert.Equal(labels, bad.GetProperty("path").GetString());
        Assert.StartsWith("corrupt or truncated gzip data", bad.GetProperty("detail").GetString());
        var (_, table, _) = CliRunner.Run("data", "list", "--data-dir", _root.Path);
        Assert.Contains($"INVALID mnist-10k: {labels}: corrupt or truncated gzip data", table);
    }

    [Fact]
    public void List_KmnistRecompressed_IsStructureOnlyWithCounts()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.Path, "KMNIST", "raw")).FullName;
        foreach (var r in DatasetCatalog.Kmnist.Files)
            File.WriteAllBytes(Path.Combine(folder, r.FileName + ".gz"), IdxBytes.Gzip(IdxBytes.Create(r.Dimensions!, modulo: 10)));

        var kmnist = ListJson()["kmnist"];

        Assert.Equal("structure-only", kmnist.GetProperty("status").GetString());
        Assert.Equal(folder, kmnist.GetProperty("folder").GetString());
        Assert.Equal(60000, kmnist.GetProperty("train").GetInt32());
        Assert.Equal(10000, kmnist.GetProperty("test").GetInt32());
    }

    [Fact]
    public void List_WritesTheCacheAndReusesItWhileFilesAreUnchanged()
    {
        CopySharedMnistTestSet();
        ListJson();
        var cacheFile = Path.Combine(_root.Path, VerificationCache.FileName);
        Assert.True(File.Exists(cacheFile));
        var labels = Path.Combine(_root.Path, "mnist", "t10k-labels-idx1-ubyte.gz");

        // A planted entry with the file's true size and time must be believed, proving that the cache is read.
        var cache = new VerificationCache(cacheFile);
        var real = cache.Measure(labels);
        cache.Remember(labels, real with { Md5 = "00000000000000000000000000000000" });
        cache.Save();
        Assert.Equal("invalid", ListJson()["mnist-10k"].GetProperty("status").GetString());

        // Touching the file invalidates the entry, so the real content is measured again.
        File.SetLastWriteTimeUtc(labels, DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal("verified", ListJson()["mnist-10k"].GetProperty("status").GetString());
    }
}
