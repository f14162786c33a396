using HomalgNN.Data;

namespace HomalgNN.Tests.Data;

public class IdxFileTests
{
    [Fact]
    public void Read_GzipAndRaw_GiveTheSameValues()
    {
        var dir = TestPaths.NewTempFolder();
        var raw = IdxFixtures.Bytes([3, 2, 2]);
        File.WriteAllBytes(Path.Combine(dir, "a"), raw);
        File.WriteAllBytes(Path.Combine(dir, "a.gz"), IdxFixtures.Gzip(raw));
        var x = IdxFile.Read(Path.Combine(dir, "a"), 3);
        var y = IdxFile.Read(Path.Combine(dir, "a.gz"), 3);
        Assert.Equal(new[] { 3, 2, 2 }, x.Dimensions);
        Assert.Equal(x.Values, y.Values);
        Assert.Equal(12, x.Values.Length);
    }

    [Theory]
    [InlineData("magic", "bad IDX magic number")]
    [InlineData("type", "not unsigned byte")]
    [InlineData("rank", "IDX rank 1, expected 3")]
    [InlineData("truncated", "truncated")]
    [InlineData("trailing", "trailing data")]
    [InlineData("short", "too short")]
    public void Read_MalformedFile_NamesFileAndFault(string fault, string expected)
    {
        var b = IdxFixtures.Bytes([2, 3, 3]);
        b = fault switch
        {
            "magic" => b.Select((v, i) => i == 0 ? (byte)1 : v).ToArray(),
            "type" => b.Select((v, i) => i == 2 ? (byte)0x0D : v).ToArray(),
            "rank" => IdxFixtures.Bytes([5]),
            "truncated" => b[..^4],
            "trailing" => [.. b, 7, 7],
            _ => b[..3],
        };
        var path = Path.Combine(TestPaths.NewTempFolder(), "images-idx3-ubyte");
        File.WriteAllBytes(path, b);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, 3));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_TruncatedGzip_IsReportedAsCorrupt()
    {
        var gz = IdxFixtures.Gzip(IdxFixtures.Bytes([50, 28, 28]));
        var path = Path.Combine(TestPaths.NewTempFolder(), "x.gz");
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void FromIdx_MismatchedCounts_AreReported()
    {
        var dir = TestPaths.NewTempFolder();
        File.WriteAllBytes(Path.Combine(dir, "i"), IdxFixtures.Bytes([4, 28, 28]));
        File.WriteAllBytes(Path.Combine(dir, "l"), IdxFixtures.Bytes([5], i => 1));
        var e = Assert.Throws<InvalidDataException>(() => ImageDataset.FromIdx("t", Path.Combine(dir, "i"), Path.Combine(dir, "l")));
        Assert.Contains("4 images", e.Message);
        Assert.Contains("5 labels", e.Message);
    }

    [Fact]
    public void RealMnistTestSet_HasTenThousandLabelledDigits()
    {
        var d = ImageDataset.FromIdx("mnist", Path.Combine(TestPaths.MnistFolder, "t10k-images-idx3-ubyte.gz"), Path.Combine(TestPaths.MnistFolder, "t10k-labels-idx1-ubyte.gz"));
        Assert.Equal(10000, d.Count);
        Assert.Equal(28, d.Height);
        Assert.Equal(10, d.ClassCount);
        Assert.Equal(980, d.Labels.Count(l => l == 0)); // the t10k class counts are public facts
        Assert.Equal(1135, d.Labels.Count(l => l == 1));
    }
}
