using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Training;

/// <summary>The single-pass Adam against TorchSharp's Adam (PyTorch's update rule) on the same gradients.</summary>
[Collection("Training")]
public class FusedAdamTests
{
    [Theory]
    [InlineData(Precision.Float64, 0.0)]
    [InlineData(Precision.Float64, 0.01)]
    [InlineData(Precision.Float32, 0.0)]
    [InlineData(Precision.Mixed, 0.0)]
    public void MatchesTorchAdam_OverSeveralSteps(Precision precision, double weightDecay) =>
        Compare(new NetworkConfig([4, 8, 16, 32], Precision: precision, InputFeatures: 20, EncoderWidths: [64, 32]), precision, weightDecay);

    [Fact]
    public void MatchesTorchAdam_OnTheStudysLargeLayers() =>
        Compare(new NetworkConfig(NetworkConfig.StudyDims, InputFeatures: 300, EncoderWidths: [400, 256]), Precision.Float64, 0.0);

    static void Compare(NetworkConfig config, Precision precision, double weightDecay)
    {
        torch.manual_seed(3);
        using var a = new StudyNetwork(config);
        torch.manual_seed(3);
        using var b = new StudyNetwork(config);
        using var torchAdam = optim.Adam(a.parameters(), lr: 1e-2, weight_decay: weightDecay);
        using var fused = new FusedAdam(b.parameters(), lr: 1e-2, weightDecay: weightDecay);
        var x = torch.randn(16, config.InputFeatures, dtype: a.LayerType);
        var y = torch.randint(0, 10, [16], dtype: ScalarType.Int64);
        for (int step = 0; step < 5; step++)
        {
            torchAdam.zero_grad();
            nn.functional.cross_entropy(a.forward(x), y).backward();
            torchAdam.step();
            fused.zero_grad();
            nn.functional.cross_entropy(b.forward(x), y).backward();
            fused.step();
        }
        double tolerance = a.LayerType == ScalarType.Float64 ? 1e-12 : 1e-5;
        foreach (var (pa, pb) in a.parameters().Zip(b.parameters()))
        {
            double scale = pa.abs().max().to(ScalarType.Float64).item<double>() + 1e-30;
            double diff = (pa - pb).abs().max().to(ScalarType.Float64).item<double>();
            // Where a gradient is near Adam's eps the update m / (sqrt v + eps) amplifies rounding; 1e-8 of a step (lr 1e-2) allows for it.
            Assert.True(diff <= tolerance * scale + 1e-10, $"{precision}, weight decay {weightDecay}: parameters differ by {diff} (scale {scale})");
        }
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void SplitAcrossTwoThreads_GivesTheSameBits(Precision precision)
    {
        var config = new NetworkConfig([4, 8, 16, 33], Precision: precision, InputFeatures: 21, EncoderWidths: [67, 33]);
        torch.manual_seed(3);
        using var a = new StudyNetwork(config);
        torch.manual_seed(3);
        using var b = new StudyNetwork(config);
        using var whole = new FusedAdam(a.parameters(), lr: 1e-2, weightDecay: 0.01);
        using var split = new FusedAdam(b.parameters(), lr: 1e-2, weightDecay: 0.01);
        using var cores = new CorePair();
        var x = torch.randn(16, config.InputFeatures, dtype: a.LayerType);
        var y = torch.randint(0, 10, [16], dtype: ScalarType.Int64);
        for (int step = 0; step < 3; step++)
        {
            whole.zero_grad();
            nn.functional.cross_entropy(a.forward(x), y).backward();
            whole.step();
            split.zero_grad();
            nn.functional.cross_entropy(b.forward(x), y).backward();
            split.step(cores);
        }
        foreach (var (pa, pb) in a.parameters().Zip(b.parameters()))
            Assert.True(pa.eq(pb).all().item<bool>(), $"{precision}: a parameter of shape [{string.Join(",", pa.shape)}] differs");
    }
}
