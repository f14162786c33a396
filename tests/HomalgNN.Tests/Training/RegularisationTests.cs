using HomalgNN.Cli.Commands;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;

namespace HomalgNN.Tests.Training;

/// <summary>The standard regularisers the exactness loss is compared against: dropout and Adam's weight decay.</summary>
[Collection("Training")]
public class RegularisationTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    static TrainingOptions Tiny(double dropout = 0, double weightDecay = 0) =>
        new(new NetworkConfig(NetworkConfig.StudyDims, Baseline: true, Dropout: dropout), Epochs: 1, BatchSize: 64, TrainLimit: 512, Seed: 4, WeightDecay: weightDecay);

    // Both tests measure against the same unregularised run: train it once.
    static readonly Lazy<(double TaskLoss, double SquaredNorm)> Unregularised = new(() => TrainOneEpoch(Tiny()));

    static (double TaskLoss, double SquaredNorm) TrainOneEpoch(TrainingOptions options)
    {
        using var trainer = new Trainer(options, Mnist10k);
        var record = trainer.RunEpoch(1, SilentObserver.Instance);
        using var noGrad = torch.no_grad();
        double norm = trainer.Model.parameters().Sum(p => p.square().sum().ToDouble());
        return (record.TaskLoss, norm);
    }

    [Fact]
    public void Dropout_ChangesTraining_AndIsReproducibleForTheSeed()
    {
        var none = Unregularised.Value;
        var dropped = TrainOneEpoch(Tiny(dropout: 0.5));
        var again = TrainOneEpoch(Tiny(dropout: 0.5));

        Assert.NotEqual(none.TaskLoss, dropped.TaskLoss);
        Assert.True(dropped.TaskLoss > none.TaskLoss, $"dropout should make training harder: {dropped.TaskLoss} vs {none.TaskLoss}");
        Assert.Equal(dropped.TaskLoss, again.TaskLoss);
    }

    [Fact]
    public void WeightDecay_ShrinksTheWeights()
    {
        var none = Unregularised.Value;
        var decayed = TrainOneEpoch(Tiny(weightDecay: 0.5));

        Assert.True(decayed.SquaredNorm < 0.95 * none.SquaredNorm, $"||w||^2 {decayed.SquaredNorm} with decay vs {none.SquaredNorm} without");
    }

    [Fact]
    public void TrainFlags_ReachTheOptions()
    {
        var options = new TrainSettings { WeightDecay = 1e-4, Dropout = 0.2 }.ToOptions();

        Assert.Equal(1e-4, options.WeightDecay);
        Assert.Equal(0.2, options.Network.Dropout);
    }
}
