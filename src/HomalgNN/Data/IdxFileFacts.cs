using System.Security.Cryptography;

namespace HomalgNN.Data;

/// <summary>What one IDX file on disk measures as (checksums, dimensions or the fault), independent of any expectation.</summary>
/// <param name="Size">Length of the file in bytes when measured.</param>
/// <param name="LastWriteUtc">Modification time when measured; with <paramref name="Size"/> it tells whether the facts are still current.</param>
/// <param name="GzipMd5">MD5 of the file itself when it is gzip-compressed, else null.</param>
/// <param name="Md5">MD5 of the decompressed IDX bytes, or null when they could not be read.</param>
/// <param name="Dimensions">The IDX dimensions, or null when the file is not valid IDX.</param>
/// <param name="Fault">Why the file is not valid IDX (without the file's name, which the reader puts first), or null.</param>
public sealed record IdxFileFacts(long Size, DateTime LastWriteUtc, string? GzipMd5, string? Md5, int[]? Dimensions, string? Fault)
{
    /// <summary>Reads and measures <paramref name="path"/>.</summary>
    public static IdxFileFacts Measure(string path)
    {
        var info = new FileInfo(path);
        var bytes = File.ReadAllBytes(path);
        string? gzipMd5 = null, md5 = null;
        try
        {
            if (Gzip.IsGzip(bytes))
            {
                gzipMd5 = Hex(bytes);
                bytes = Gzip.Decompress(bytes, path);
            }
            md5 = Hex(bytes);
            var dims = IdxFile.Parse(bytes, path).Dimensions;
            return new IdxFileFacts(info.Length, info.LastWriteTimeUtc, gzipMd5, md5, dims, null);
        }
        catch (InvalidDataException e)
        {
            var fault = e.Message.StartsWith(path + ": ") ? e.Message[(path.Length + 2)..] : e.Message;
            return new IdxFileFacts(info.Length, info.LastWriteTimeUtc, gzipMd5, md5, null, fault);
        }
    }

    /// <summary>True when <paramref name="path"/> still has the size and modification time these facts were measured at.</summary>
    public bool IsCurrentFor(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == Size && info.LastWriteTimeUtc == LastWriteUtc;
    }

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}
