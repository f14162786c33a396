using System.Buffers.Binary;

namespace HomalgNN.Algebra.Npy;

/// <summary>The little-endian numeric dtypes we read from .npy files, with their sizes and decoders.</summary>
internal sealed record NpyDtype(string Descr, int Size, bool IsInteger, Func<ReadOnlyMemory<byte>, int, double> ReadDouble, Func<ReadOnlyMemory<byte>, int, long> ReadInteger)
{
    public static readonly NpyDtype Float64 = new("<f8", 8, false, (b, i) => BinaryPrimitives.ReadDoubleLittleEndian(b.Span[(i * 8)..]), (_, _) => 0);
    public static readonly NpyDtype Int64 = new("<i8", 8, true, (b, i) => BinaryPrimitives.ReadInt64LittleEndian(b.Span[(i * 8)..]), (b, i) => BinaryPrimitives.ReadInt64LittleEndian(b.Span[(i * 8)..]));
    public static readonly NpyDtype Int32 = new("<i4", 4, true, (b, i) => BinaryPrimitives.ReadInt32LittleEndian(b.Span[(i * 4)..]), (b, i) => BinaryPrimitives.ReadInt32LittleEndian(b.Span[(i * 4)..]));

    private static readonly NpyDtype[] Known =
    [
        Float64,
        new("<f4", 4, false, (b, i) => BinaryPrimitives.ReadSingleLittleEndian(b.Span[(i * 4)..]), (_, _) => 0),
        Int64,
        Int32,
        new("<i2", 2, true, (b, i) => BinaryPrimitives.ReadInt16LittleEndian(b.Span[(i * 2)..]), (b, i) => BinaryPrimitives.ReadInt16LittleEndian(b.Span[(i * 2)..])),
        new("|i1", 1, true, (b, i) => (sbyte)b.Span[i], (b, i) => (sbyte)b.Span[i]),
        new("|u1", 1, true, (b, i) => b.Span[i], (b, i) => b.Span[i]),
        new("<u2", 2, true, (b, i) => BinaryPrimitives.ReadUInt16LittleEndian(b.Span[(i * 2)..]), (b, i) => BinaryPrimitives.ReadUInt16LittleEndian(b.Span[(i * 2)..])),
        new("<u4", 4, true, (b, i) => BinaryPrimitives.ReadUInt32LittleEndian(b.Span[(i * 4)..]), (b, i) => BinaryPrimitives.ReadUInt32LittleEndian(b.Span[(i * 4)..])),
        new("|b1", 1, true, (b, i) => b.Span[i] != 0 ? 1 : 0, (b, i) => b.Span[i] != 0 ? 1 : 0),
    ];

    /// <summary>The supported descriptors, for error messages.</summary>
    public static string Supported => string.Join(' ', Known.Select(d => d.Descr));

    /// <summary>The dtype for a header's descr, or an explanation of why it is refused.</summary>
    public static NpyDtype? Find(string descr, out string? refusal)
    {
        refusal = null;
        // numpy writes '|' for one-byte types; '=' (native) is little-endian on every machine we run on.
        string normalised = descr.Length == 3 && descr[0] is '<' or '|' or '='
            ? (descr[2] == '1' ? "|" : "<") + descr[1..]
            : descr;
        NpyDtype? found = Known.FirstOrDefault(d => d.Descr == normalised);
        if (found is not null) return found;
        refusal = descr.StartsWith('>')
            ? $"big-endian dtype '{descr}' is not supported (save little-endian, e.g. '<{descr[1..]}')"
            : $"unsupported dtype '{descr}' (supported: {Supported})";
        return null;
    }
}
