using HomalgNN.Data;
using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Data;

/// <summary>The IDX reader rejects malformed files with an InvalidDataException that names the file and the fault.</summary>
public sealed class IdxFileValidationTests : IDisposable
{
    readonly TempFolder _dir = TestData.NewTempFolder();

    public void Dispose() => _dir.Dispose();

    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static void AssertFault(string path, string fault, Action read)
    {
        var e = Assert.Throws<InvalidDataException>(read);
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains(fault, e.Message);
    }

    [Fact]
    public void Read_GzipAndRaw_GiveTheSameDimensionsAndValues()
    {
        var raw = IdxBytes.Create([3, 2, 4]);
        var a = IdxFile.Read(Write("a", raw), expectedRank: 3);
        var b = IdxFile.Read(Write("b.gz", IdxBytes.Gzip(raw)), expectedRank: 3);

        Assert.Equal([3, 2, 4], a.Dimensions);
        Assert.Equal(a.Values, b.Values);
        Assert.Equal(raw[^24..], a.Values);
    }

    [Fact]
    public void Read_CorruptGzip_Throws()
    {
        var gz = IdxBytes.Gzip(IdxBytes.Create([200, 28, 28], modulo: 251));
        for (int i = 20; i < 60; i++) gz[i] ^= 0xa5;
        var path = Write("corrupt.gz", gz);
        AssertFault(path, "gzip data", () => IdxFile.Read(path));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(400)]
    public void Read_TruncatedGzip_Throws(int cut)
    {
        var gz = IdxBytes.Gzip(IdxBytes.Create([200, 28, 28], modulo: 251));
        var path = Write("cut.gz", gz[..^cut]);
        AssertFault(path, "truncated", () => IdxFile.Read(path));
    }

    [Fact]
    public void Read_TruncatedIdx_Throws()
    {
        var path = Write("short", IdxBytes.Create([10, 28, 28])[..^5]);
        AssertFault(path, "truncated: header promises 7840 values (10x28x28) but the file holds 7835", () => IdxFile.Read(path));
    }

    [Fact]
    public void Read_TrailingBytes_Throws()
    {
        var path = Write("long", [.. IdxBytes.Create([10]), 1, 2]);
        AssertFault(path, "2 bytes of trailing data", () => IdxFile.Read(path));
    }

    [Theory]
    [InlineData(0, 0x50, "bad IDX magic number 0x5000")]
    [InlineData(1, 0x01, "bad IDX magic number 0x0001")]
    [InlineData(2, 0x0d, "element type 0x0d is not unsigned byte")]
    [InlineData(3, 0x00, "IDX rank is 0")]
    public void Read_BadHeaderByte_Throws(int index, byte value, string fault)
    {
        var bytes = IdxBytes.Create([10]);
        bytes[index] = value;
        var path = Write("bad-header", bytes);
        AssertFault(path, fault, () => IdxFile.Read(path));
    }

    [Fact]
    public void Read_WrongRank_Throws()
    {
        var path = Write("labels-as-images", IdxBytes.Create([10]));
        AssertFault(path, "IDX rank 1, expected 3", () => IdxFile.Read(path, expectedRank: 3));
    }

    [Fact]
    public void Read_EmptyFile_Throws()
    {
        var path = Write("empty", []);
        AssertFault(path, "too short", () => IdxFile.Read(path));
    }

    [Fact]
    public void FromIdx_MismatchedImageAndLabelCounts_ThrowsNamingBothFiles()
    {
        var images = Write("images", IdxBytes.Create([5, 2, 2]));
        var labels = Write("labels", IdxBytes.Create([4], modulo: 10));
        var e = Assert.Throws<InvalidDataException>(() => ImageDataset.FromIdx("fake", images, labels));
        Assert.Equal($"{images}: 5 images but {labels} has 4 labels", e.Message);
    }

    [Fact]
    public void FromIdx_LabelOutsideZeroToNine_Throws()
    {
        var images = Write("images", IdxBytes.Create([12, 2, 2]));
        var labels = Write("labels", IdxBytes.Create([12], modulo: 12));
        AssertFault(labels, "label 10 at index 10 is outside 0..9", () => ImageDataset.FromIdx("fake", images, labels));
    }
}
