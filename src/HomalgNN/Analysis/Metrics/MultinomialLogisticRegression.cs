using HomalgNN.Analysis.Optimisation;

namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// A fitted multinomial (softmax) logistic regression, K weight rows and K intercepts, trained by L-BFGS in float64
/// on the objective 0.5 ||W||_F^2 + C sum_i [logsumexp(W x_i + b) - (W x_i + b)_{y_i}] (intercepts unpenalised),
/// the objective of sklearn's LogisticRegression(multi_class="multinomial", penalty="l2").
/// </summary>
public sealed class MultinomialLogisticRegression
{
    private readonly double[] _theta;

    private MultinomialLogisticRegression(double[] theta, int units, int classCount, LbfgsResult fit)
    {
        (_theta, Units, ClassCount) = (theta, units, classCount);
        Iterations = fit.Iterations;
        Converged = fit.Converged;
        StopReason = fit.StopReason;
        Objective = fit.Value;
    }

    /// <summary>Number of input features D.</summary>
    public int Units { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>L-BFGS iterations used.</summary>
    public int Iterations { get; }

    /// <summary>Whether a convergence criterion (not the iteration cap) stopped the fit.</summary>
    public bool Converged { get; }

    /// <summary>Why the optimiser stopped.</summary>
    public string StopReason { get; }

    /// <summary>The minimised objective divided by C n.</summary>
    public double Objective { get; }

    /// <summary>Frobenius norm of the K x D weight matrix (intercepts excluded), the study's "probe complexity".</summary>
    public double WeightNorm => Math.Sqrt(_theta.Take(ClassCount * Units).Sum(w => w * w));

    /// <summary>Weight of class <paramref name="k"/> on feature <paramref name="unit"/>.</summary>
    public double Weight(int k, int unit) => _theta[(k * Units) + unit];

    /// <summary>Intercept of class <paramref name="k"/>.</summary>
    public double Intercept(int k) => _theta[(ClassCount * Units) + k];

    /// <summary>Fits on row-major features (samples x units) and class indices 0..classCount-1.</summary>
    public static MultinomialLogisticRegression Fit(
        double[] features, int samples, int units, int[] classes, int classCount, LogisticRegressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classes);
        options ??= new LogisticRegressionOptions();
        if (features.Length != samples * units || classes.Length != samples || samples < 1)
        {
            throw new ArgumentException($"Expected {samples} x {units} features and {samples} classes, got {features.Length} and {classes.Length}.");
        }

        if (classCount < 2 || classes.Any(c => c < 0 || c >= classCount))
        {
            throw new ArgumentException($"Classes must be indices 0..{classCount - 1} with at least two classes.", nameof(classes));
        }

        if (!(options.C > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"C must be positive, got {options.C}.");
        }

        var objective = new SoftmaxObjective(features, samples, units, classes, classCount, options.C);
        var fit = Lbfgs.Minimise(
            objective.Evaluate,
            new double[objective.ParameterCount],
            new LbfgsOptions(MaxIterations: options.MaxIterations, GradientTolerance: options.GradientTolerance));
        return new MultinomialLogisticRegression(fit.Point, units, classCount, fit);
    }

    /// <summary>The class with the largest logit (the lowest index on ties).</summary>
    public int Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != Units)
        {
            throw new ArgumentException($"Expected {Units} features, got {row.Length}.", nameof(row));
        }

        Span<double> logits = ClassCount <= 256 ? stackalloc double[ClassCount] : new double[ClassCount];
        SoftmaxObjective.Logits(_theta, Units, ClassCount, row, logits);
        var best = 0;
        for (var k = 1; k < ClassCount; k++)
        {
            if (logits[k] > logits[best])
            {
                best = k;
            }
        }

        return best;
    }
}
