using System.Diagnostics;
using HomalgNN.Analysis;
using HomalgNN.Analysis.Metrics;
using HomalgNN.Analysis.Statistics;
using HomalgNN.Data;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>
/// Trains (or reuses, or loads) every arm on the same seeds, measures each run at one layer on the test split, and writes
/// the comparison as compare.md and compare.json. Runs finished by an earlier, interrupted invocation are not trained again.
/// </summary>
public static class CompareRun
{
    sealed class Quiet : ICompareObserver;

    /// <summary>Runs the comparison; <paramref name="observer"/> sees the plan, each run and each trained epoch.</summary>
    public static CompareReport Execute(CompareOptions options, DataSplit data, ICompareObserver? observer = null)
    {
        observer ??= new Quiet();
        var plan = ComparePlan.Make(options, data);
        observer.Planned(plan);
        // One fixed subset for every run: redundancy pairs rows image by image, and metrics compare alike.
        var measured = options.MeasureLimit is int limit ? data.Test.Take(limit, seed: 0) : data.Test;
        using var tensors = new MeasurementData(data.Test, measured);
        var runs = new List<RunMeasurement>();
        var descriptions = new Dictionary<string, string>();
        var similarity = new SimilarityPairs();
        var reference = options.Arms[0].Name;
        Dictionary<string, Representation>? previous = null;
        foreach (var seedRuns in plan.GroupBy(r => r.Seed))
        {
            var current = new Dictionary<string, Representation>();
            foreach (var run in seedRuns)
            {
                int index = plan.IndexOf(run);
                observer.RunStarted(index, run);
                var (measurement, representation, description) = Measure(run, index, options, data, tensors, observer);
                descriptions.TryAdd(run.Arm, description);
                runs.Add(measurement);
                current[run.Arm] = representation;
                observer.RunFinished(index, run, measurement);
            }
            foreach (var arm in options.Arms.Skip(1))
                similarity.Add(arm.Name, reference, ArmSimilarity.SameSeed, Redundancy.Compute(current[reference], current[arm.Name]));
            if (previous is not null)
                foreach (var arm in options.Arms)
                    similarity.Add(arm.Name, arm.Name, ArmSimilarity.NextSeed, Redundancy.Compute(previous[arm.Name], current[arm.Name]));
            previous = current;
        }
        var table = Table(options, runs);
        var report = new CompareReport(Settings(options, data, measured.Count, descriptions), table, similarity.Rows(table.Level), runs);
        AtomicFile.WriteAllText(Path.Combine(options.OutDir, CompareReport.MarkdownFile), report.ToMarkdown());
        AtomicFile.WriteJson(Path.Combine(options.OutDir, CompareReport.JsonFile), report);
        return report;
    }

    static (RunMeasurement, Representation, string) Measure(
        PlannedRun run, int index, CompareOptions options, DataSplit data, MeasurementData tensors, ICompareObserver observer)
    {
        double? trainSeconds = null;
        if (run.Action == RunAction.Train)
        {
            var trainClock = Stopwatch.StartNew();
            TrainingRun.Execute(run.Options!, data, run.Folder, observer);
            trainSeconds = trainClock.Elapsed.TotalSeconds;
        }
        observer.Measuring(index, run);
        var clock = Stopwatch.StartNew();
        using var saved = SavedRun.Load(run.Folder);
        var (accuracy, _) = Evaluation.Evaluate(saved.Model, tensors.Test(saved.Model.LayerType));
        var layer = LayerRepresentations.Gather(saved.Model, tensors.Measured(saved.Model.LayerType), options.Layer);
        var summary = RepresentationSummary.Compute(layer.Representation, layer.Labels, options.Entanglement, options.Probe);
        var measurement = RunMeasurement.From(run, accuracy, summary, trainSeconds, clock.Elapsed.TotalSeconds);
        return (measurement, layer.Representation, ArmDescription.Of(saved.Config));
    }

    static ComparisonTable Table(CompareOptions options, List<RunMeasurement> runs)
    {
        var comparison = new Comparison();
        foreach (var arm in options.Arms)
        {
            var armRuns = runs.Where(r => r.Arm == arm.Name).ToList();
            foreach (var (name, value) in CompareMetrics.All) comparison.Add(arm.Name, name, armRuns.Select(value));
        }
        return comparison.Build();
    }

    static CompareSettings Settings(CompareOptions options, DataSplit data, int measuredImages, Dictionary<string, string> descriptions) => new(
        data.Spec.Name,
        options.Layer,
        options.Seeds,
        data.Test.Count,
        measuredImages,
        options.Arms.Select(a => new ArmInfo(a.Name, a.Training is null ? "loaded" : "trained", descriptions[a.Name])).ToList(),
        DateTime.UtcNow.ToString("o"),
        RunConfig.Versions());
}
