using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Training;

/// <summary>The hand-written, two-thread training step against autograd on the same network and batch.</summary>
[Collection("Training")]
public class StudyStepTests
{
    public static TheoryData<string, int[], int[], Precision, int> Networks => new()
    {
        // The study's chain; a batch of 32 goes through the product d_0 d_1 d_2 d_3.
        { "study chain, product", NetworkConfig.StudyDims, [300, 256], Precision.Float64, 32 },
        // A batch of 3 is cheaper map by map; odd widths split unevenly; n_k = 20 < 45 reads part of the encoder.
        { "map by map, odd widths", [5, 9, 20], [37, 45], Precision.Float64, 3 },
        { "float32", [4, 8, 16], [33, 16], Precision.Float32, 17 },
        { "mixed", [4, 8, 16], [33, 24], Precision.Mixed, 17 },
        { "one encoder layer", [6, 12], [12], Precision.Float64, 9 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Gradients_EqualAutograds(string name, int[] dims, int[] encoder, Precision precision, int batch)
    {
        var config = new NetworkConfig(dims, Precision: precision, InputFeatures: 50, EncoderWidths: encoder);
        var (x, y) = Batch(config, batch);
        var (autogradLoss, expected) = AutogradGradients(config, x, y);
        using var cores = new CorePair();
        var (loss, actual) = HandWritten(config, x, y, cores);

        bool f64 = config.Precision == Precision.Float64;
        Assert.True(Math.Abs(loss - autogradLoss) <= (f64 ? 1e-12 : 1e-5) * Math.Abs(autogradLoss), $"{name}: loss {loss} vs autograd {autogradLoss}");
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = expected[i].abs().max().ToDouble() + 1e-30;
            double diff = (expected[i] - actual[i]).abs().max().ToDouble();
            // The chain is float64 in mixed precision but its gradient arrives through float32 layers.
            Assert.True(diff <= (f64 ? 1e-10 : 1e-4) * scale, $"{name}: parameter {i} differs by {diff} (scale {scale})");
        }
    }

    [Fact]
    public void TwoThreads_GiveTheSameBitsAsOne()
    {
        var config = new NetworkConfig(NetworkConfig.StudyDims, InputFeatures: 100, EncoderWidths: [301, 256]);
        var (x, y) = Batch(config, 64);
        using var two = new CorePair(parallel: true);
        using var one = new CorePair(parallel: false);
        var (lossTwo, gradsTwo) = HandWritten(config, x, y, two);
        var (lossOne, gradsOne) = HandWritten(config, x, y, one);

        Assert.True(two.IsParallel || Environment.ProcessorCount < 2);
        Assert.Equal(lossOne, lossTwo);
        for (int i = 0; i < gradsOne.Length; i++) Assert.True(gradsOne[i].eq(gradsTwo[i]).all().item<bool>(), $"parameter {i} differs");
    }

    [Fact]
    public void Supports_OnlyTheStudysKindOfNetwork()
    {
        torch.manual_seed(0);
        using var study = new StudyNetwork(new NetworkConfig([4, 8], InputFeatures: 10, EncoderWidths: [8]));
        using var dropout = new StudyNetwork(new NetworkConfig([4, 8], InputFeatures: 10, EncoderWidths: [8], Dropout: 0.1));
        using var baseline = new StudyNetwork(new NetworkConfig([4, 8], InputFeatures: 10, EncoderWidths: [8], Baseline: true));
        using var residual = new StudyNetwork(new NetworkConfig([4, 8], InputFeatures: 10, EncoderWidths: [8], ChainResidual: true));

        Assert.True(StudyStep.Supports(study));
        Assert.False(StudyStep.Supports(dropout));
        Assert.False(StudyStep.Supports(baseline));
        Assert.False(StudyStep.Supports(residual));
    }

    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    [Theory]
    [InlineData(Precision.Float64, false)]
    [InlineData(Precision.Mixed, true)]
    public void Training_MatchesTheAutogradStep(Precision precision, bool normalizedAxiom)
    {
        // A batch of 100 over 300 images: the last batch is partial.
        var options = new TrainingOptions(new NetworkConfig(NetworkConfig.StudyDims, Precision: precision), Epochs: 2, BatchSize: 100,
            TrainLimit: 300, Seed: 4, NormalizedAxiom: normalizedAxiom);
        var fast = TrainTwoEpochs(options, handWritten: true);
        var autograd = TrainTwoEpochs(options, handWritten: false);

        double tolerance = precision == Precision.Float64 ? 1e-9 : 1e-4;
        for (int e = 0; e < 2; e++)
        {
            Assert.True(Math.Abs(fast[e].TaskLoss - autograd[e].TaskLoss) <= tolerance * autograd[e].TaskLoss, $"epoch {e + 1}: task loss {fast[e].TaskLoss} vs {autograd[e].TaskLoss}");
            Assert.True(Math.Abs(fast[e].ExactnessLoss - autograd[e].ExactnessLoss) <= tolerance * (1 + autograd[e].ExactnessLoss), $"epoch {e + 1}: exactness {fast[e].ExactnessLoss} vs {autograd[e].ExactnessLoss}");
            Assert.True(Math.Abs(fast[e].ChainAxiomLoss - autograd[e].ChainAxiomLoss) <= tolerance * (1 + autograd[e].ChainAxiomLoss), $"epoch {e + 1}: axiom {fast[e].ChainAxiomLoss} vs {autograd[e].ChainAxiomLoss}");
            Assert.Equal(autograd[e].Betti, fast[e].Betti);
        }
    }

    [Fact]
    public void Training_IsReproducible()
    {
        var options = new TrainingOptions(new NetworkConfig(NetworkConfig.StudyDims), Epochs: 1, BatchSize: 64, TrainLimit: 256, Seed: 9);

        Assert.Equal(TrainTwoEpochs(options, true)[0].TaskLoss, TrainTwoEpochs(options, true)[0].TaskLoss);
    }

    static EpochRecord[] TrainTwoEpochs(TrainingOptions options, bool handWritten)
    {
        using var trainer = new Trainer(options, Mnist10k) { HandWrittenStep = handWritten };
        Assert.True(trainer.HandWrittenStepAvailable);
        return Enumerable.Range(1, options.Epochs).Select(e => trainer.RunEpoch(e, SilentObserver.Instance)).ToArray();
    }

    static (Tensor X, Tensor Y) Batch(NetworkConfig config, int batch)
    {
        torch.manual_seed(11);
        var x = torch.randn(batch, config.InputFeatures, dtype: config.Precision.LayerType()).DetachFromDisposeScope();
        var y = torch.randint(0, config.Classes, [batch], dtype: ScalarType.Int64).DetachFromDisposeScope();
        return (x, y);
    }

    static (double Loss, Tensor[] Gradients) AutogradGradients(NetworkConfig config, Tensor x, Tensor y)
    {
        torch.manual_seed(5);
        using var model = new StudyNetwork(config);
        var loss = nn.functional.cross_entropy(model.forward(x), y);
        loss.backward();
        return (loss.ToDouble(), model.parameters().Select(p => p.grad!.to(ScalarType.Float64).DetachFromDisposeScope()).ToArray());
    }

    static (double Loss, Tensor[] Gradients) HandWritten(NetworkConfig config, Tensor x, Tensor y, CorePair cores)
    {
        torch.manual_seed(5);
        using var model = new StudyNetwork(config);
        using var step = new StudyStep(model, cores);
        // Twice: the second step must overwrite the first's gradients, not add to them.
        step.TaskLossAndGradients(x, y);
        double loss = step.TaskLossAndGradients(x, y);
        return (loss, model.parameters().Select(p => p.grad!.to(ScalarType.Float64).DetachFromDisposeScope()).ToArray());
    }
}
