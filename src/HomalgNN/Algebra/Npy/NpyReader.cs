using System.Buffers.Binary;
using System.Text;

namespace HomalgNN.Algebra.Npy;

/// <summary>Reads NumPy .npy files (format versions 1-3, little-endian numeric dtypes, C or Fortran order).</summary>
public static class NpyReader
{
    internal static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the array in the file; every fault throws InvalidDataException naming the file and the fault.</summary>
    public static NpyArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: cannot read the .npy file: {e.Message.ReplaceLineEndings(" ").Trim()}", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Reads a 2-D array as a matrix (rows x columns).</summary>
    public static double[,] ReadMatrix(string path) => Read(path).ToMatrix();

    /// <summary>Parses the bytes of a .npy file; <paramref name="source"/> names it in error messages.</summary>
    public static NpyArray Parse(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw Fault(source, "bad magic: not a .npy file (it must start with \\x93NUMPY)");
        int major = bytes[6], minor = bytes[7];
        if (major is < 1 or > 3 || minor != 0)
            throw Fault(source, $"unsupported .npy format version {major}.{minor} (supported: 1.0, 2.0, 3.0)");
        int prefix = major == 1 ? 10 : 12;
        if (bytes.Length < prefix) throw Fault(source, "truncated header");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8))
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (prefix + headerLength > bytes.Length)
            throw Fault(source, $"truncated header: it declares {headerLength} bytes but the file has {bytes.Length - prefix} after the prefix");

        NpyHeader header;
        try
        {
            Encoding encoding = major == 3 ? new UTF8Encoding(false, true) : Encoding.ASCII;
            if (major < 3 && bytes.AsSpan(prefix, (int)headerLength).ContainsAnyExceptInRange((byte)0, (byte)127))
                throw new FormatException("non-ASCII bytes in a version 1/2 header");
            header = NpyHeader.Parse(encoding.GetString(bytes, prefix, (int)headerLength));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw Fault(source, $"bad header: {e.Message}");
        }

        NpyDtype dtype = NpyDtype.Find(header.Descr, out string? refusal) ?? throw Fault(source, refusal!);
        long count = 1;
        foreach (int extent in header.Shape)
        {
            count *= extent;
            if (count > Array.MaxLength) throw Fault(source, $"shape ({string.Join(", ", header.Shape)}) is too large");
        }
        long dataStart = prefix + headerLength, expected = count * dtype.Size, found = bytes.Length - dataStart;
        if (found < expected)
            throw Fault(source, $"truncated data: shape ({string.Join(", ", header.Shape)}) of {header.Descr} needs {expected} bytes, found {found}");
        if (found > expected)
            throw Fault(source, $"{found - expected} unexpected bytes after the data of shape ({string.Join(", ", header.Shape)})");

        var data = new ReadOnlyMemory<byte>(bytes, (int)dataStart, (int)expected);
        var values = new double[count];
        long[]? integers = dtype.IsInteger ? new long[count] : null;
        for (int t = 0; t < count; t++)
        {
            // Fortran order stores the first index fastest; convert so we always hold C order.
            int target = header.FortranOrder ? FortranToC(t, header.Shape) : t;
            values[target] = dtype.ReadDouble(data, t);
            if (integers is not null) integers[target] = dtype.ReadInteger(data, t);
        }
        return new NpyArray(source, header.Descr, header.Shape, header.FortranOrder, values, integers);
    }

    private static int FortranToC(int fortranIndex, int[] shape)
    {
        int remaining = fortranIndex, cIndex = 0, stride = 1;
        var coordinates = new int[shape.Length];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            coordinates[axis] = remaining % shape[axis];
            remaining /= shape[axis];
        }
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            cIndex += coordinates[axis] * stride;
            stride *= shape[axis];
        }
        return cIndex;
    }

    private static InvalidDataException Fault(string source, string fault) => new($"{source}: {fault}");
}
