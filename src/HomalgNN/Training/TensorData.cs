using HomalgNN.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>A data set as tensors: flattened images normalised with the study's MNIST mean and std, and int64 labels.</summary>
public sealed class TensorData : IDisposable
{
    /// <summary>The study's normalisation constants (MNIST mean and standard deviation).</summary>
    public const double Mean = 0.1307, Std = 0.3081;

    TensorData(Tensor x, Tensor y) { X = x; Y = y; }

    /// <summary>N x features, normalised.</summary>
    public Tensor X { get; }
    /// <summary>N labels (int64).</summary>
    public Tensor Y { get; }
    /// <summary>N.</summary>
    public int Count => (int)Y.shape[0];

    /// <summary>Converts a data set to tensors of the given floating dtype.</summary>
    public static TensorData From(ImageDataset data, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var raw = torch.tensor(data.Pixels, dtype: ScalarType.Byte).reshape(data.Count, data.Features);
        // In place: three out-of-place steps would hold four copies of the set at once (1.5 GB for Fashion-MNIST in float64).
        var x = raw.to(dtype).div_(255.0).sub_(Mean).div_(Std).contiguous();
        var y = torch.tensor(data.Labels, dtype: ScalarType.Byte).to(ScalarType.Int64);
        return new TensorData(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose() { X.Dispose(); Y.Dispose(); }
}
