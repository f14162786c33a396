using HomalgNN.Data;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Tests.Training;

/// <summary>Training in float32 or mixed precision ends with the float64 run's Betti numbers and defects on the study's chain.</summary>
[Collection("Training")]
public class PrecisionHomologyTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    static FinalRecord Train(Precision precision) =>
        TrainingRun.Execute(new TrainingOptions(new NetworkConfig(NetworkConfig.StudyDims, Precision: precision), Epochs: 1, TrainLimit: 384, BatchSize: 64),
            Mnist10k, null, SilentObserver.Instance).Final!;

    [Fact]
    public void Float32AndMixed_ReproduceFloat64sBettiNumbersAndDefects()
    {
        var f64 = Train(Precision.Float64);
        Assert.Equal(new[] { 0, 0, 0, 128 }, f64.Betti);
        foreach (var p in new[] { Precision.Float32, Precision.Mixed })
        {
            var other = Train(p);
            Assert.Equal(f64.Betti, other.Betti);
            Assert.Equal(f64.Homology, other.Homology);
            for (int i = 0; i < f64.Defects!.Length; i++)
                Assert.True(Math.Abs(f64.Defects[i] - other.Defects![i]) <= 1e-6, $"{p}: defect {i} is {other.Defects[i]}, float64's {f64.Defects[i]}");
            Assert.InRange(other.ExactnessLoss!.Value, f64.ExactnessLoss!.Value - 1e-3, f64.ExactnessLoss.Value + 1e-3);
        }
    }
}
