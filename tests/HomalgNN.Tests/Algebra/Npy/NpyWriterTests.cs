using HomalgNN.Algebra.Npy;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra.Npy;

public class NpyWriterTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    public void Write_ThenRead_RoundTripsDoubles(bool fortran, int version)
    {
        using var folder = new ScratchFolder();
        double[,] m = { { 1.5, -2, 3 }, { 0, 1e-300, double.MaxValue } };
        string path = folder.PathOf("m.npy");
        NpyWriter.Write(path, m, fortran, version);
        NpyArray back = NpyReader.Read(path);
        Assert.Equal(fortran, back.FortranOrder);
        Assert.Equal("<f8", back.Dtype);
        Assert.Equal(m, back.ToMatrix());
        Assert.Equal(0, new FileInfo(path).Length % 16); // header padded as numpy does, data 8-byte items
    }

    [Fact]
    public void Write_Integers_RoundTripExactly()
    {
        using var folder = new ScratchFolder();
        long[,] big = { { long.MaxValue, -1 }, { 0, long.MinValue } };
        NpyWriter.Write(folder.PathOf("l.npy"), big);
        Assert.True(NpyReader.Read(folder.PathOf("l.npy")).TryGetIntegerMatrix(out long[,] back));
        Assert.Equal(big, back);

        int[,] small = { { 1, 2, 3 } };
        NpyWriter.Write(folder.PathOf("i.npy"), small, fortranOrder: true);
        NpyArray array = NpyReader.Read(folder.PathOf("i.npy"));
        Assert.Equal("<i4", array.Dtype);
        Assert.Equal(new double[,] { { 1, 2, 3 } }, array.ToMatrix());
    }

    [Fact]
    public void Write_HeaderStartsWithMagicAndVersion()
    {
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("h.npy"), new double[1, 1], version: 2);
        byte[] bytes = File.ReadAllBytes(folder.PathOf("h.npy"));
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0 }, bytes[..8]);
        Assert.Equal(0L, (12L + BitConverter.ToUInt32(bytes, 8)) % 64);
    }

    [Fact]
    public void BoundaryMapFiles_ShapesDoNotCompose_NameBothFiles()
    {
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("a.npy"), new long[3, 5]);
        NpyWriter.Write(folder.PathOf("b.npy"), new long[4, 2]);
        var e = Assert.Throws<InvalidDataException>(() => BoundaryMapFiles.Read([folder.PathOf("a.npy"), folder.PathOf("b.npy")]));
        Assert.Contains("map 1 (" + folder.PathOf("a.npy") + ", d_0) has 5 columns but map 2 (" + folder.PathOf("b.npy") + ", d_1) has 4 rows", e.Message);
    }

    [Fact]
    public void BoundaryMapFiles_Compose_GiveDimensions()
    {
        using var folder = new ScratchFolder();
        NpyWriter.Write(folder.PathOf("a.npy"), new long[2, 3]);
        NpyWriter.Write(folder.PathOf("b.npy"), new double[3, 4]);
        BoundaryMapFiles maps = BoundaryMapFiles.Read([folder.PathOf("a.npy"), folder.PathOf("b.npy")]);
        Assert.Equal([2, 3, 4], maps.Dimensions);
        Assert.NotNull(maps.TryIntegerMatrices());
    }
}
