using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>Accuracy and loss of a network on a data set, in evaluation mode without gradients.</summary>
public static class Evaluation
{
    /// <summary>(accuracy in [0,1], mean cross-entropy) over the whole set, in batches.</summary>
    public static (double Accuracy, double Loss) Evaluate(StudyNetwork model, TensorData data, int batchSize = 1000)
    {
        using var mode = new EvaluationMode(model);
        using var noGrad = torch.no_grad();
        long correct = 0;
        double lossSum = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            int len = Math.Min(batchSize, data.Count - start);
            var x = data.X.narrow(0, start, len);
            var y = data.Y.narrow(0, start, len);
            var logits = model.forward(x);
            correct += logits.argmax(1).eq(y).sum().item<long>();
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).ToDouble();
        }
        return data.Count == 0 ? (0, 0) : ((double)correct / data.Count, lossSum / data.Count);
    }
}
