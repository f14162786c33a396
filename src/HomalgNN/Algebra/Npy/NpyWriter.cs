using System.Buffers.Binary;

namespace HomalgNN.Algebra.Npy;

/// <summary>Writes matrices as NumPy .npy files (little-endian &lt;f8, &lt;i8 or &lt;i4), in C or Fortran order, format 1-3.</summary>
public static class NpyWriter
{
    /// <summary>Writes a float64 matrix.</summary>
    public static void Write(string path, double[,] matrix, bool fortranOrder = false, int version = 1) =>
        Write(path, NpyDtype.Float64, matrix, fortranOrder, version, (span, v) => BinaryPrimitives.WriteDoubleLittleEndian(span, v));

    /// <summary>Writes an int64 matrix.</summary>
    public static void Write(string path, long[,] matrix, bool fortranOrder = false, int version = 1) =>
        Write(path, NpyDtype.Int64, matrix, fortranOrder, version, (span, v) => BinaryPrimitives.WriteInt64LittleEndian(span, v));

    /// <summary>Writes an int32 matrix.</summary>
    public static void Write(string path, int[,] matrix, bool fortranOrder = false, int version = 1) =>
        Write(path, NpyDtype.Int32, matrix, fortranOrder, version, (span, v) => BinaryPrimitives.WriteInt32LittleEndian(span, v));

    private static void Write<T>(string path, NpyDtype dtype, T[,] matrix, bool fortranOrder, int version, Action<Span<byte>, T> encode)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(matrix);
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        byte[] header = new NpyHeader(dtype.Descr, fortranOrder, [rows, columns]).Encode(version);
        var data = new byte[(long)rows * columns * dtype.Size];
        int t = 0;
        for (int outer = 0; outer < (fortranOrder ? columns : rows); outer++)
            for (int inner = 0; inner < (fortranOrder ? rows : columns); inner++)
            {
                T value = fortranOrder ? matrix[inner, outer] : matrix[outer, inner];
                encode(data.AsSpan(t++ * dtype.Size, dtype.Size), value);
            }
        using var stream = File.Create(path);
        stream.Write(header);
        stream.Write(data);
    }
}
