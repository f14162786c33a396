using System.IO.Compression;

namespace HomalgNN.Tests.Data.Fixtures;

/// <summary>Builds small IDX files (unsigned bytes) and gzips them, for fake data sets and corrupt-file tests.</summary>
public static class IdxBytes
{
    /// <summary>An IDX header for <paramref name="dims"/> followed by values i % <paramref name="modulo"/>.</summary>
    public static byte[] Create(int[] dims, int modulo = 256)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        var bytes = new byte[4 + 4 * dims.Length + count];
        bytes[2] = 0x08;
        bytes[3] = (byte)dims.Length;
        for (int d = 0; d < dims.Length; d++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        int header = 4 + 4 * dims.Length;
        for (long i = 0; i < count; i++) bytes[header + i] = (byte)(i % modulo);
        return bytes;
    }

    /// <summary>Gzip-compressed <paramref name="bytes"/>.</summary>
    public static byte[] Gzip(byte[] bytes, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, level)) gz.Write(bytes);
        return output.ToArray();
    }
}
