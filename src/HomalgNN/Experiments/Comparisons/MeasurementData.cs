using HomalgNN.Data;
using HomalgNN.Training;
using static TorchSharp.torch;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>The test split as tensors, converted once per dtype: all of it for accuracy, the measured images for representations.</summary>
internal sealed class MeasurementData(ImageDataset test, ImageDataset measured) : IDisposable
{
    readonly Dictionary<ScalarType, (TensorData Test, TensorData Measured)> _byType = [];

    public TensorData Test(ScalarType dtype) => Get(dtype).Test;

    public TensorData Measured(ScalarType dtype) => Get(dtype).Measured;

    (TensorData Test, TensorData Measured) Get(ScalarType dtype)
    {
        if (!_byType.TryGetValue(dtype, out var pair))
            _byType[dtype] = pair = (TensorData.From(test, dtype), TensorData.From(measured, dtype));
        return pair;
    }

    public void Dispose()
    {
        foreach (var (t, m) in _byType.Values)
        {
            t.Dispose();
            m.Dispose();
        }
    }
}
