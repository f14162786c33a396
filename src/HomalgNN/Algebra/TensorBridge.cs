using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Algebra;

/// <summary>Moves dense matrices between double[,] and float64 CPU tensors (the algebra's public types stay plain arrays).</summary>
public static class TensorBridge
{
    /// <summary>A new float64 tensor holding a copy of <paramref name="a"/>.</summary>
    public static Tensor ToTensor(double[,] a) => torch.tensor(a, dtype: ScalarType.Float64);

    /// <summary>A copy of a 2-D tensor's values as double[,] (any floating dtype).</summary>
    public static double[,] ToMatrix(Tensor t)
    {
        if (t.dim() != 2) throw new ArgumentException($"expected a 2-D tensor, got shape [{string.Join(",", t.shape)}]");
        int rows = (int)t.shape[0], cols = (int)t.shape[1];
        var a = new double[rows, cols];
        if (a.Length == 0) return a;
        using var scope = torch.NewDisposeScope();
        var flat = t.detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
        Buffer.BlockCopy(flat, 0, a, 0, flat.Length * sizeof(double));
        return a;
    }

    /// <summary>A copy of a 1-D tensor's values.</summary>
    public static double[] ToVector(Tensor t)
    {
        if (t.numel() == 0) return [];
        using var scope = torch.NewDisposeScope();
        return t.detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
    }
}
