namespace HomalgNN.Data;

/// <summary>An IDX array of unsigned bytes (the MNIST format): its dimensions and its values in row-major order.</summary>
public sealed record IdxFile(int[] Dimensions, byte[] Values)
{
    /// <summary>Reads an IDX file, gzip-compressed or raw, validating magic number, type, rank, dimensions and length.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="expectedRank">The number of dimensions required (3 for images, 1 for labels), or null for any.</param>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX file; the message names file and fault.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxFile Read(string path, int? expectedRank = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var bytes = File.ReadAllBytes(path);
        if (Gzip.IsGzip(bytes)) bytes = Gzip.Decompress(bytes, path);
        return Parse(bytes, path, expectedRank);
    }

    /// <summary>Writes the array as a raw (uncompressed) IDX file of unsigned bytes.</summary>
    public void Write(string path)
    {
        var header = new byte[4 + 4 * Dimensions.Length];
        header[2] = 0x08;
        header[3] = (byte)Dimensions.Length;
        for (int d = 0; d < Dimensions.Length; d++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), Dimensions[d]);
        using var file = File.Create(path);
        file.Write(header);
        file.Write(Values);
    }

    /// <summary>Parses IDX bytes (already decompressed); <paramref name="name"/> is used in error messages.</summary>
    public static IdxFile Parse(byte[] bytes, string name, int? expectedRank = null)
    {
        if (bytes.Length < 4) throw new InvalidDataException($"{name}: too short for an IDX header ({bytes.Length} bytes)");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"{name}: bad IDX magic number 0x{bytes[0]:x2}{bytes[1]:x2}{bytes[2]:x2}{bytes[3]:x2} (expected 0x0000 then type and rank)");
        if (bytes[2] != 0x08) throw new InvalidDataException($"{name}: IDX element type 0x{bytes[2]:x2} is not unsigned byte (0x08)");
        int rank = bytes[3];
        if (rank == 0) throw new InvalidDataException($"{name}: IDX rank is 0");
        if (expectedRank is int want && rank != want) throw new InvalidDataException($"{name}: IDX rank {rank}, expected {want}");
        int header = 4 + 4 * rank;
        if (bytes.Length < header) throw new InvalidDataException($"{name}: truncated IDX header ({bytes.Length} bytes, need {header})");
        var dims = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            int o = 4 + 4 * d;
            long v = ((long)bytes[o] << 24) | ((long)bytes[o + 1] << 16) | ((long)bytes[o + 2] << 8) | bytes[o + 3];
            if (v <= 0 || v > int.MaxValue) throw new InvalidDataException($"{name}: dimension {d} is {v}");
            dims[d] = (int)v;
            count *= v;
        }
        long actual = bytes.Length - header;
        if (actual < count) throw new InvalidDataException($"{name}: truncated: header promises {count} values ({string.Join("x", dims)}) but the file holds {actual}");
        if (actual > count) throw new InvalidDataException($"{name}: {actual - count} bytes of trailing data after {count} values ({string.Join("x", dims)})");
        return new IdxFile(dims, bytes.AsSpan(header).ToArray());
    }
}
