using System.Text;
using HomalgNN.Algebra.Npy;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra.Npy;

public class NpyReaderTests
{
    /// <summary>A .npy file assembled by hand (not by NpyWriter), so reader and writer are tested independently.</summary>
    private static byte[] Npy(string header, byte[] data, int version = 1)
    {
        string padded = header;
        int prefix = version == 1 ? 10 : 12;
        while ((prefix + padded.Length + 1) % 64 != 0) padded += " ";
        byte[] h = Encoding.UTF8.GetBytes(padded + "\n");
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add((byte)version);
        bytes.Add(0);
        bytes.AddRange(version == 1 ? BitConverter.GetBytes((ushort)h.Length) : BitConverter.GetBytes((uint)h.Length));
        bytes.AddRange(h);
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static byte[] Doubles(params double[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_Float64COrder_AllVersions(int version)
    {
        byte[] file = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", Doubles(1, 2, 3, 4, 5, 6.5), version);
        double[,] m = NpyReader.Parse(file, "m.npy").ToMatrix();
        Assert.Equal(new double[,] { { 1, 2, 3 }, { 4, 5, 6.5 } }, m);
    }

    [Fact]
    public void Parse_FortranOrder_IsTransposedIntoRows()
    {
        byte[] file = Npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", Doubles(1, 4, 2, 5, 3, 6));
        Assert.Equal(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, NpyReader.Parse(file, "f.npy").ToMatrix());
    }

    public static TheoryData<string, byte[], long[]> SmallTypes => new()
    {
        { "<f4", new[] { 1f, -2f }.SelectMany(BitConverter.GetBytes).ToArray(), [1, -2] },
        { "<i8", new[] { 5L, -7L }.SelectMany(BitConverter.GetBytes).ToArray(), [5, -7] },
        { "<i4", new[] { 3, -1 }.SelectMany(BitConverter.GetBytes).ToArray(), [3, -1] },
        { "<i2", new short[] { 300, -2 }.SelectMany(BitConverter.GetBytes).ToArray(), [300, -2] },
        { "|i1", [0xFF, 0x02], [-1, 2] },
        { "|u1", [0xFF, 0x02], [255, 2] },
    };

    [Theory]
    [MemberData(nameof(SmallTypes))]
    public void Parse_OtherDtypes_ReadExactIntegers(string descr, byte[] data, long[] expected)
    {
        byte[] file = Npy($"{{'descr': '{descr}', 'fortran_order': False, 'shape': (1, 2), }}", data);
        NpyArray array = NpyReader.Parse(file, "t.npy");
        Assert.True(array.TryGetIntegerMatrix(out long[,] m));
        Assert.Equal(expected, new[] { m[0, 0], m[0, 1] });
        Assert.Equal(expected.Select(v => (double)v), array.Values);
    }

    [Fact]
    public void TryGetIntegerMatrix_NonIntegralFloat_IsFalse()
    {
        byte[] file = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", Doubles(1, 0.5));
        Assert.False(NpyReader.Parse(file, "x.npy").TryGetIntegerMatrix(out _));
    }

    public static TheoryData<byte[], string> Faults => new()
    {
        { "NOTNPY0000"u8.ToArray(), "bad magic" },
        { Npy("{'descr': '<f8', 'shape': (1, 1), }", Doubles(1)), "bad header: no 'fortran_order' key" },
        { Npy("{'descr': '<f8' 'fortran_order': False}", Doubles(1)), "bad header" },
        { Npy("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1, 1), }", Doubles(1)), "bad header" },
        { Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, -1), }", Doubles(1)), "bad header" },
        { Npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1), }", new byte[16]), "unsupported dtype '<c16'" },
        { Npy("{'descr': '>f8', 'fortran_order': False, 'shape': (1, 1), }", Doubles(1)), "big-endian dtype '>f8' is not supported" },
        { Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", Doubles(1, 2, 3)), "truncated data" },
        { Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", Doubles(1, 2)), "unexpected bytes" },
        { Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", Doubles(1), version: 4), "unsupported .npy format version 4" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Read_Faults_NameFileAndFault(byte[] file, string fault)
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteBytes("bad.npy", file);
        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(fault, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ToMatrix_OneDimensional_IsRefused()
    {
        byte[] file = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", Doubles(1, 2, 3));
        NpyArray array = NpyReader.Parse(file, "v.npy");
        Assert.Equal([3], array.Shape);
        Assert.Contains("expected a 2-D array", Assert.Throws<InvalidDataException>(() => array.ToMatrix()).Message);
    }

    [Fact]
    public void Read_MissingFile_IsInvalidData()
    {
        using var folder = new ScratchFolder();
        Assert.Throws<InvalidDataException>(() => NpyReader.Read(folder.PathOf("none.npy")));
    }
}
