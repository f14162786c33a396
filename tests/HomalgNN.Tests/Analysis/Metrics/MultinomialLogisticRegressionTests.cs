using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class MultinomialLogisticRegressionTests
{
    [Fact]
    public void Fit_TwoSymmetricPoints_MatchesClosedFormOptimum()
    {
        // x = +1 (class 1), x = -1 (class 0), C = 1. By symmetry b = 0 and w1 = -w0 = delta / 2, and both points
        // have loss log(1 + e^-delta), so the objective is delta^2 / 4 + 2 log(1 + e^-delta), stationary where
        // delta = 4 / (1 + e^delta). Solved below by bisection, independently of the optimiser.
        var (low, high) = (0.0, 4.0);
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (low + high);
            (low, high) = mid - (4 / (1 + Math.Exp(mid))) < 0 ? (mid, high) : (low, mid);
        }

        var delta = 0.5 * (low + high);

        var model = MultinomialLogisticRegression.Fit([1, -1], 2, 1, [1, 0], 2, new LogisticRegressionOptions(GradientTolerance: 1e-12));

        Assert.True(model.Converged, model.StopReason);
        Assert.Equal(delta / 2, model.Weight(1, 0), 1e-9);
        Assert.Equal(-delta / 2, model.Weight(0, 0), 1e-9);
        Assert.Equal(0, model.Intercept(0), 1e-9);
        Assert.Equal(delta / Math.Sqrt(2), model.WeightNorm, 1e-9);
        Assert.Equal(1, model.Predict([0.3]));
    }

    [Fact]
    public void Fit_ThreeClasses_IsAStationaryPointOfTheStatedObjective()
    {
        // Recompute 0.5 ||W||^2 + C sum NLL naively here and check its central-difference gradient vanishes at
        // the fitted parameters: this ties the optimiser to the documented objective, not just to itself.
        var (features, labels) = Synthetic.Clusters(60, 2, 3, separation: 1.5, seed: 8);
        var flat = new double[120];
        Buffer.BlockCopy(features, 0, flat, 0, 120 * sizeof(double));
        const double c = 0.7;

        var model = MultinomialLogisticRegression.Fit(flat, 60, 2, labels, 3, new LogisticRegressionOptions(C: c, GradientTolerance: 1e-10));

        var theta = new double[9];
        for (var k = 0; k < 3; k++)
        {
            theta[(k * 2) + 0] = model.Weight(k, 0);
            theta[(k * 2) + 1] = model.Weight(k, 1);
            theta[6 + k] = model.Intercept(k);
        }

        for (var j = 0; j < 9; j++)
        {
            var (plus, minus) = ((double[])theta.Clone(), (double[])theta.Clone());
            plus[j] += 1e-5;
            minus[j] -= 1e-5;
            var derivative = (Objective(plus) - Objective(minus)) / 2e-5;
            Assert.True(Math.Abs(derivative) < 1e-5, $"d/dtheta_{j} = {derivative}");
        }

        double Objective(double[] t)
        {
            var value = 0.5 * t.Take(6).Sum(w => w * w);
            for (var i = 0; i < 60; i++)
            {
                var z = Enumerable.Range(0, 3).Select(k => t[6 + k] + (t[k * 2] * flat[i * 2]) + (t[(k * 2) + 1] * flat[(i * 2) + 1])).ToArray();
                var max = z.Max();
                value += c * (max + Math.Log(z.Sum(v => Math.Exp(v - max))) - z[labels[i]]);
            }

            return value;
        }
    }

    [Fact]
    public void Fit_SmallerC_GivesSmallerWeights()
    {
        var (features, labels) = Synthetic.Clusters(100, 3, 2, separation: 2, seed: 9);
        var flat = new double[300];
        Buffer.BlockCopy(features, 0, flat, 0, 300 * sizeof(double));

        var loose = MultinomialLogisticRegression.Fit(flat, 100, 3, labels, 2, new LogisticRegressionOptions(C: 1));
        var tight = MultinomialLogisticRegression.Fit(flat, 100, 3, labels, 2, new LogisticRegressionOptions(C: 0.01));

        Assert.True(tight.WeightNorm < loose.WeightNorm, $"{tight.WeightNorm} vs {loose.WeightNorm}");
    }

    [Fact]
    public void Fit_ClassOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultinomialLogisticRegression.Fit([1, 2], 2, 1, [0, 2], 2));
    }
}
