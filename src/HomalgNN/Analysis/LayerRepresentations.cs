using HomalgNN.Analysis.Metrics;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Analysis;

/// <summary>Reads a named layer of a trained network over a whole data set, batch by batch, in evaluation mode without gradients.</summary>
public static class LayerRepresentations
{
    /// <summary>The default layer probed, as in the study: the 128 ReLU units after the chain.</summary>
    public const string DefaultLayer = "bridge_out";

    /// <summary>The outputs of <paramref name="layer"/> for every image of <paramref name="data"/> (already normalised tensors).</summary>
    public static LabelledRepresentation Gather(StudyNetwork model, TensorData data, string layer = DefaultLayer, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        RequireLayer(layer);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"batch size must be at least 1, got {batchSize}");
        if (data.Count == 0) throw new ArgumentException("cannot gather a representation of an empty data set", nameof(data));
        using var mode = new EvaluationMode(model);
        using var noGrad = torch.no_grad();
        double[]? values = null;
        int units = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            int len = Math.Min(batchSize, data.Count - start);
            var output = model.Features(data.X.narrow(0, start, len))[layer];
            if (values is null)
            {
                units = (int)output.shape[1];
                values = new double[(long)data.Count * units];
            }
            output.to_type(ScalarType.Float64).contiguous().data<double>().CopyTo(values.AsSpan(start * units, len * units));
        }
        var labels = data.Y.data<long>().ToArray().Select(l => (int)l).ToArray();
        return new LabelledRepresentation(layer, Representation.FromRowMajor(values, data.Count, units), labels);
    }

    /// <summary>The same for images not yet converted: they are normalised as in training, in the model's dtype.</summary>
    public static LabelledRepresentation Gather(StudyNetwork model, ImageDataset data, string layer = DefaultLayer, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        RequireLayer(layer);
        using var tensors = TensorData.From(data, model.LayerType);
        return Gather(model, tensors, layer, batchSize);
    }

    /// <summary>Rejects a name that is not one of <see cref="StudyNetwork.LayerNames"/>, listing the valid ones.</summary>
    public static void RequireLayer(string layer)
    {
        if (!StudyNetwork.LayerNames.Contains(layer))
            throw new ArgumentException($"unknown layer '{layer}'; choose one of: {string.Join(", ", StudyNetwork.LayerNames)}");
    }
}
