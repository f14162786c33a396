using System.Buffers.Binary;
using System.IO.Compression;

namespace HomalgNN.Data;

/// <summary>Gzip decompression that also checks the trailer, because GZipStream silently accepts a stream cut short.</summary>
public static class Gzip
{
    /// <summary>True when <paramref name="bytes"/> start with the gzip magic number 1f 8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>Decompresses a single-member gzip file and checks its CRC-32 and length trailer.</summary>
    /// <exception cref="InvalidDataException">Corrupt or truncated data; the message starts with <paramref name="name"/>.</exception>
    public static byte[] Decompress(byte[] gz, string name)
    {
        byte[] content;
        try
        {
            using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            content = output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{name}: corrupt or truncated gzip data ({e.Message.TrimEnd('.')})", e);
        }
        if (gz.Length < 18) throw new InvalidDataException($"{name}: corrupt or truncated gzip data (only {gz.Length} bytes)");
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(gz.AsSpan(gz.Length - 8));
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(gz.AsSpan(gz.Length - 4));
        if (size != (uint)content.Length || crc != Crc32(content))
            throw new InvalidDataException($"{name}: corrupt or truncated gzip data (the trailer does not match the {content.Length} bytes decompressed)");
        return content;
    }

    static readonly uint[] CrcTable = BuildCrcTable();

    static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    static uint Crc32(byte[] data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
