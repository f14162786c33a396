using HomalgNN.Data;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Sweeps;

namespace HomalgNN.Cli.Commands;

/// <summary>Turns a sweep's command line (--lambda list, --grid file, --seeds) into its plan, parsing every grid point through TrainSettings.</summary>
public static class SweepPlanner
{
    /// <summary>The axes: a --lambda list (when it has two or more values) first, then the grid file's in file order.</summary>
    public static IReadOnlyList<GridAxis> Axes(TrainSettings settings, string? gridFile)
    {
        var lambdas = settings.LambdaText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var axes = new List<GridAxis>();
        if (lambdas.Length > 1)
        {
            if (lambdas.Distinct().Count() < lambdas.Length) throw new ArgumentException($"--lambda lists a value twice: {settings.LambdaText}");
            axes.Add(new GridAxis("lambda", lambdas));
        }
        if (gridFile is null) return axes;
        var grid = GridFile.Read(gridFile);
        if (axes.Count > 0 && grid.Any(a => a.Flag == "lambda"))
            throw new ArgumentException($"lambda is swept twice: by --lambda {settings.LambdaText} and by grid file {gridFile}; keep one");
        axes.AddRange(grid);
        return axes;
    }

    /// <summary>
    /// One run per grid point and seed, the first axis varying slowest. Every point is parsed and validated before
    /// anything trains; an error names the point.
    /// </summary>
    public static ExperimentPlan Plan(TrainSettings settings, IReadOnlyList<GridAxis> axes, IReadOnlyList<int> seeds)
    {
        var runs = new List<PlannedRun>();
        var points = new List<SweepPoint>();
        var names = axes.Select(a => a.Flag).ToList();
        foreach (var values in Product(axes))
        {
            var point = new SweepPoint(names.Zip(values).ToDictionary(p => p.First, p => p.Second ?? "null"), []);
            var label = point.Label(names);
            var pointSettings = TrainFlags.Copy(settings);
            try
            {
                foreach (var (flag, value) in names.Zip(values)) TrainFlags.Set(pointSettings, flag, value);
                var check = pointSettings.Validate();
                if (!check.Successful) throw new ArgumentException(check.Message);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(names.Count == 0 ? e.Message : $"sweep point {label}: {e.Message}");
            }
            var options = pointSettings.ToOptions();
            var dataset = pointSettings.Dataset ?? DatasetLocator.DefaultDataset(pointSettings.DataDir).Name;
            var pointRuns = seeds.Select(seed => new PlannedRun($"{label} seed={seed}", options with { Seed = seed }, dataset, pointSettings.DataDir)).ToList();
            runs.AddRange(pointRuns);
            points.Add(point with { RunKeys = pointRuns.Select(r => r.Key).ToList() });
        }
        return ExperimentPlan.Create(ExperimentKind.Sweep, runs, new SweepPlan(names, points));
    }

    /// <summary>The cartesian product of the axes' values, the first axis varying slowest; one empty point when there are no axes.</summary>
    static IEnumerable<IReadOnlyList<string?>> Product(IReadOnlyList<GridAxis> axes) =>
        axes.Aggregate((IEnumerable<IReadOnlyList<string?>>)[[]], (points, axis) =>
            points.SelectMany(p => axis.Values.Select(v => (IReadOnlyList<string?>)[.. p, v])));
}
