using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class LinearProbeTests
{
    [Fact]
    public void Evaluate_SeparableClusters_AccuracyOne()
    {
        var (features, labels) = Synthetic.Clusters(300, 8, 3, separation: 10, seed: 1);

        var result = LinearProbe.Evaluate(Representation.FromMatrix(features), labels);

        Assert.Equal(1.0, result.MeanAccuracy);
        Assert.Equal(0.0, result.StdAccuracy);
        Assert.Equal(5, result.FoldAccuracies.Length);
        Assert.True(result.Converged);
        Assert.True(result.ProbeComplexity > 0);
    }

    [Fact]
    public void Evaluate_RandomLabels_AccuracyNearChance()
    {
        // Labels independent of the features: held-out accuracy is a binomial proportion around 1/4 with sd
        // sqrt(0.25 * 0.75 / 2000) = 0.0097 over all 2000 held-out predictions.
        var features = Synthetic.GaussianMatrix(2000, 10, 2);
        var random = new Random(5);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.Next(4)).ToArray();

        var result = LinearProbe.Evaluate(Representation.FromMatrix(features), labels);

        Assert.InRange(result.MeanAccuracy, 0.20, 0.30);
    }

    [Fact]
    public void Evaluate_AffineRescaledUnit_SameProbe()
    {
        // Standardisation makes the probe blind to a unit's offset and scale; without it the L2 penalty would not be.
        var (features, labels) = Synthetic.Clusters(200, 4, 3, separation: 1, seed: 3);
        var rescaled = (double[,])features.Clone();
        for (var i = 0; i < 200; i++)
        {
            rescaled[i, 2] = (1000 * rescaled[i, 2]) + 50;
        }

        var original = LinearProbe.Evaluate(Representation.FromMatrix(features), labels);
        var changed = LinearProbe.Evaluate(Representation.FromMatrix(rescaled), labels);

        Assert.Equal(original.FoldAccuracies, changed.FoldAccuracies);
        Assert.Equal(original.ProbeComplexity, changed.ProbeComplexity, 1e-5);
    }

    [Fact]
    public void Evaluate_StdIsPopulationStdOfFolds()
    {
        var (features, labels) = Synthetic.Clusters(250, 5, 3, separation: 0.7, seed: 4);

        var result = LinearProbe.Evaluate(Representation.FromMatrix(features), labels);

        var mean = result.FoldAccuracies.Average();
        var populationStd = Math.Sqrt(result.FoldAccuracies.Sum(a => (a - mean) * (a - mean)) / 5);
        Assert.Equal(mean, result.MeanAccuracy, 1e-15);
        Assert.Equal(populationStd, result.StdAccuracy, 1e-15);
        Assert.True(result.StdAccuracy > 0);
        Assert.Equal(result.FoldWeightNorms.Average(), result.ProbeComplexity, 1e-15);
    }

    [Fact]
    public void Evaluate_ArbitraryLabelValues_AreMappedToClasses()
    {
        var (features, labels) = Synthetic.Clusters(100, 3, 2, separation: 10, seed: 6);
        var odd = labels.Select(l => l == 0 ? -7 : 42).ToArray();

        var result = LinearProbe.Evaluate(Representation.FromMatrix(features), odd);

        Assert.Equal(2, result.ClassCount);
        Assert.Equal(1.0, result.MeanAccuracy);
    }

    [Fact]
    public void Evaluate_OneLabel_Throws()
    {
        var representation = Representation.FromMatrix(Synthetic.GaussianMatrix(20, 2, 1));

        Assert.Throws<ArgumentException>(() => LinearProbe.Evaluate(representation, new int[20]));
    }

    [Fact]
    public void Evaluate_WrongLabelCount_Throws()
    {
        var representation = Representation.FromMatrix(Synthetic.GaussianMatrix(20, 2, 1));

        Assert.Throws<ArgumentException>(() => LinearProbe.Evaluate(representation, new int[19]));
    }
}
