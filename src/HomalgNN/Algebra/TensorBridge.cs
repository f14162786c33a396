using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Algebra;

/// <summary>Moves dense matrices between double[,] and float64 CPU tensors (the algebra's public types stay plain arrays).</summary>
/// <remarks>Copies go through the tensor's memory as one block: element-wise accessors cost a millisecond per 32,000 entries.</remarks>
public static class TensorBridge
{
    /// <summary>A new float64 tensor holding a copy of <paramref name="a"/>.</summary>
    public static Tensor ToTensor(double[,] a)
    {
        var t = torch.empty(a.GetLength(0), a.GetLength(1), dtype: ScalarType.Float64);
        if (a.Length > 0) Flat(a).CopyTo(MemoryMarshal.Cast<byte, double>(t.bytes));
        return t;
    }

    /// <summary>A new rows x cols float64 tensor holding a copy of the row-major entries <paramref name="flat"/>.</summary>
    public static Tensor ToTensor(double[] flat, long rows, long cols)
    {
        if (flat.Length != rows * cols) throw new ArgumentException($"{flat.Length} entries cannot fill a {rows} x {cols} matrix");
        var t = torch.empty(rows, cols, dtype: ScalarType.Float64);
        if (flat.Length > 0) flat.CopyTo(MemoryMarshal.Cast<byte, double>(t.bytes));
        return t;
    }

    /// <summary>A copy of a 2-D tensor's values as double[,] (any floating dtype).</summary>
    public static double[,] ToMatrix(Tensor t)
    {
        if (t.dim() != 2) throw new ArgumentException($"expected a 2-D tensor, got shape [{string.Join(",", t.shape)}]");
        var a = new double[(int)t.shape[0], (int)t.shape[1]];
        if (a.Length == 0) return a;
        using var scope = torch.NewDisposeScope();
        MemoryMarshal.Cast<byte, double>(Float64(t).bytes).CopyTo(Flat(a));
        return a;
    }

    /// <summary>A copy of a 1-D tensor's values.</summary>
    public static double[] ToVector(Tensor t)
    {
        if (t.numel() == 0) return [];
        using var scope = torch.NewDisposeScope();
        return MemoryMarshal.Cast<byte, double>(Float64(t).bytes).ToArray();
    }

    static Tensor Float64(Tensor t) => t.detach().to(ScalarType.Float64).cpu().contiguous();

    /// <summary>The entries of a row-major double[,] as one span.</summary>
    static Span<double> Flat(double[,] a) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(a)), a.Length);
}
