using System.IO.Compression;

namespace HomalgNN.Tests.Data;

/// <summary>Writes tiny IDX files (raw or gzip) for tests.</summary>
public static class IdxFixtures
{
    /// <summary>IDX bytes of an unsigned-byte array with the given dimensions; values cycle 0..255.</summary>
    public static byte[] Bytes(int[] dims, Func<int, byte>? value = null)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        var b = new byte[4 + 4 * dims.Length + count];
        b[2] = 0x08; b[3] = (byte)dims.Length;
        for (int d = 0; d < dims.Length; d++)
        {
            b[4 + 4 * d] = (byte)(dims[d] >> 24); b[5 + 4 * d] = (byte)(dims[d] >> 16);
            b[6 + 4 * d] = (byte)(dims[d] >> 8); b[7 + 4 * d] = (byte)dims[d];
        }
        for (long i = 0; i < count; i++) b[4 + 4 * dims.Length + i] = value?.Invoke((int)i) ?? (byte)(i % 256);
        return b;
    }

    /// <summary>gzip-compressed bytes.</summary>
    public static byte[] Gzip(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(raw);
        return ms.ToArray();
    }

    /// <summary>Writes an MNIST-like pair t10k-images/labels with <paramref name="n"/> 28x28 images into <paramref name="folder"/>.</summary>
    public static void WriteTestPair(string folder, int n, bool gzip = true)
    {
        Directory.CreateDirectory(folder);
        var images = Bytes([n, 28, 28]);
        var labels = Bytes([n], i => (byte)(i % 10));
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte" + (gzip ? ".gz" : "")), gzip ? Gzip(images) : images);
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte" + (gzip ? ".gz" : "")), gzip ? Gzip(labels) : labels);
    }
}
