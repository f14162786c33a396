namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// Linear probe: multinomial logistic regression on standardised features, scored by stratified k-fold
/// cross-validation. Unlike the Python study, which standardised on all rows before splitting, each fold is
/// standardised with its own training rows' mean and std.
/// </summary>
public static class LinearProbe
{
    /// <summary>Cross-validates a probe predicting <paramref name="labels"/> (any integers) from the representation.</summary>
    public static ProbeResult Evaluate(Representation representation, IReadOnlyList<int> labels, LinearProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new LinearProbeOptions();
        if (labels.Count != representation.Samples)
        {
            throw new ArgumentException($"Got {labels.Count} labels for {representation.Samples} samples.", nameof(labels));
        }

        var distinct = labels.Distinct().Order().ToArray();
        if (distinct.Length < 2)
        {
            throw new ArgumentException("A probe needs at least two distinct labels.", nameof(labels));
        }

        var classes = labels.Select(l => Array.BinarySearch(distinct, l)).ToArray();
        var foldOf = StratifiedFolds.Assign(classes, options.Folds, options.Seed);
        var (accuracies, norms, iterations) = (new double[options.Folds], new double[options.Folds], new int[options.Folds]);
        var converged = true;
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Enumerable.Range(0, classes.Length).Where(i => foldOf[i] != fold).ToArray();
            var test = Enumerable.Range(0, classes.Length).Where(i => foldOf[i] == fold).ToArray();
            var standardiser = FeatureStandardiser.Fit(representation, train);
            var probe = MultinomialLogisticRegression.Fit(
                standardiser.Transform(representation, train),
                train.Length,
                representation.Units,
                train.Select(i => classes[i]).ToArray(),
                distinct.Length,
                options.Regression);
            accuracies[fold] = Accuracy(probe, standardiser.Transform(representation, test), test.Select(i => classes[i]).ToArray());
            norms[fold] = probe.WeightNorm;
            iterations[fold] = probe.Iterations;
            converged &= probe.Converged;
        }

        var mean = accuracies.Average();
        var std = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / accuracies.Length);
        return new ProbeResult(mean, std, norms.Average(), accuracies, norms, iterations, converged, distinct.Length, options);
    }

    private static double Accuracy(MultinomialLogisticRegression probe, double[] features, int[] classes)
    {
        var correct = 0;
        for (var i = 0; i < classes.Length; i++)
        {
            if (probe.Predict(features.AsSpan(i * probe.Units, probe.Units)) == classes[i])
            {
                correct++;
            }
        }

        return (double)correct / classes.Length;
    }
}
