using System.Globalization;
using System.Text;
using System.Text.Json;
using HomalgNN.Analysis.Statistics;
using HomalgNN.Data;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>One finished frontier run: accuracy and its distance from genuine exactness.</summary>
public sealed record FrontierResult(string Loss, string Architecture, double Lambda, int Seed, double TestAccuracy, ExactnessDistance Distance);

/// <summary>One curve point: a configuration's mean over seeds.</summary>
public sealed record FrontierSummary(string Loss, string Architecture, double Lambda, int Seeds,
    double Accuracy, double? AccuracyHalfWidth, double RelativeChainAxiom, double MeanDefect, double HomologyExcess, int GenuinelyExactSeeds);

/// <summary>`frontier`: sweeps lambda x loss x architecture x seeds and maps test accuracy against distance from exactness.</summary>
public static class FrontierRun
{
    /// <summary>File names in the output folder.</summary>
    public const string CsvFile = "frontier.csv", MarkdownFile = "frontier.md", PlotFile = "frontier.png";

    /// <summary>Runs (or reuses, when results.json is complete) every grid point, then writes the CSV, Markdown and figure.</summary>
    public static (List<FrontierResult> Results, List<FrontierSummary> Summary, string Verdict) Execute(
        IReadOnlyList<FrontierPoint> grid, TrainingOptions baseOptions, DataSplit data, string outDir,
        Func<int, FrontierPoint, ITrainingObserver> observerFor, double accuracyBar = 0.95)
    {
        var results = new List<FrontierResult>();
        for (int n = 0; n < grid.Count; n++)
        {
            var point = grid[n];
            var options = point.Options(baseOptions);
            var runDir = Path.Combine(outDir, "runs", point.Key);
            var result = LoadCompleted(runDir) ?? TrainingRun.Execute(options, data, runDir, observerFor(n, point));
            var distance = ExactnessDistance.Of(result.Final!, options.Network.Dims)
                ?? throw new InvalidOperationException($"{point.Key}: a frontier run needs a chain");
            results.Add(new FrontierResult(point.Loss.Name, point.Architecture.Name, point.Lambda, point.Seed, result.Final!.TestAccuracy, distance));
        }
        var summary = Summarise(results);
        string verdict = Verdict(results, summary, accuracyBar, data.Spec.Name);
        AtomicFile.WriteAllText(Path.Combine(outDir, CsvFile), ToCsv(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, MarkdownFile), ToMarkdown(summary, verdict, baseOptions, data.Spec.Name));
        FrontierPlot.Save(Path.Combine(outDir, PlotFile), summary);
        return (results, summary, verdict);
    }

    static RunResult? LoadCompleted(string runDir)
    {
        var path = Path.Combine(runDir, TrainingRun.ResultsFile);
        if (!File.Exists(path)) return null;
        try
        {
            var r = JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), AtomicFile.JsonOptions);
            return r is { Completed: true, Final: not null } ? r : null;
        }
        catch (JsonException)
        {
            return null; // a run cut short before its first atomic write is simply run again
        }
    }

    /// <summary>Mean over seeds per (loss, architecture, lambda).</summary>
    public static List<FrontierSummary> Summarise(IReadOnlyList<FrontierResult> results) =>
        results.GroupBy(r => (r.Loss, r.Architecture, r.Lambda))
            .Select(g =>
            {
                var acc = MeanEstimate.Of(g.Select(r => r.TestAccuracy).ToArray(), 0.95);
                double? half = acc.Upper is double u ? u - acc.Mean : null;
                return new FrontierSummary(g.Key.Loss, g.Key.Architecture, g.Key.Lambda, g.Count(), acc.Mean, half,
                    g.Average(r => r.Distance.RelativeChainAxiom), g.Average(r => r.Distance.MeanDefect),
                    g.Average(r => r.Distance.HomologyExcess), g.Count(r => r.Distance.IsGenuinelyExact));
            })
            .OrderBy(s => s.Loss).ThenBy(s => s.Architecture).ThenBy(s => s.Lambda).ToList();

    /// <summary>The sentence the data supports about the study's conjecture.</summary>
    public static string Verdict(IReadOnlyList<FrontierResult> results, IReadOnlyList<FrontierSummary> summary, double bar, string dataset)
    {
        var c = CultureInfo.InvariantCulture;
        var both = summary.Where(s => s.GenuinelyExactSeeds == s.Seeds && s.Accuracy > bar).ToList();
        var exact = results.Where(r => r.Distance.IsGenuinelyExact).ToList();
        var sb = new StringBuilder();
        if (both.Count > 0)
        {
            var best = both.OrderByDescending(s => s.Accuracy).First();
            sb.Append(c, $"Yes: {both.Count} configuration(s) reach genuine exactness (relative chain-axiom norm < {ExactnessDistance.AxiomThreshold:g}, total homology at the minimum for a chain complex) on every seed with mean test accuracy above {bar:P0} on {dataset}; ");
            sb.Append(c, $"the best is {best.Loss}/{best.Architecture} at lambda {best.Lambda:g} with {best.Accuracy:P2}. This contradicts the study's conjecture for this data set.");
        }
        else
        {
            sb.Append(c, $"No configuration reaches genuine exactness with mean test accuracy above {bar:P0} on {dataset}. ");
            if (exact.Count > 0)
            {
                var b = exact.OrderByDescending(r => r.TestAccuracy).First();
                sb.Append(c, $"The most accurate genuinely exact run is {b.Loss}/{b.Architecture} at lambda {b.Lambda:g} (seed {b.Seed}) with {b.TestAccuracy:P2}. ");
            }
            else sb.Append("No run is genuinely exact. ");
            var above = results.Where(r => r.TestAccuracy > bar).ToList();
            var pool = above.Count > 0 ? above : results.ToList();
            var close = pool.OrderBy(r => r.Distance.RelativeChainAxiom).FirstOrDefault();
            if (close != null)
                sb.Append(c, $"{(above.Count > 0 ? $"Among runs above {bar:P0}" : $"No run is above {bar:P0}; of all runs")}, the closest to exactness is {close.Loss}/{close.Architecture} at lambda {close.Lambda:g} (seed {close.Seed}, {close.TestAccuracy:P2}): relative chain-axiom norm {close.Distance.RelativeChainAxiom:0.###e+0}, {close.Distance.RelativeChainAxiom / ExactnessDistance.AxiomThreshold:0.#} times the threshold {ExactnessDistance.AxiomThreshold:g}, homology excess {close.Distance.HomologyExcess} (negative: not yet a chain complex).");
            var best = results.OrderByDescending(r => r.TestAccuracy).FirstOrDefault();
            if (best != null) sb.Append(c, $" The most accurate run is {best.Loss}/{best.Architecture} at lambda {best.Lambda:g} (seed {best.Seed}) with {best.TestAccuracy:P2}.");
        }
        return sb.ToString();
    }

    static string ToCsv(IReadOnlyList<FrontierResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("loss,architecture,lambda,seed,test_accuracy,relative_chain_axiom,mean_defect,total_homology,minimal_total_homology,genuinely_exact\n");
        foreach (var r in results)
            sb.Append(c, $"{r.Loss},{r.Architecture},{r.Lambda:R},{r.Seed},{r.TestAccuracy:R},{r.Distance.RelativeChainAxiom:R},{r.Distance.MeanDefect:R},{r.Distance.TotalHomology},{r.Distance.MinimalTotalHomology},{r.Distance.IsGenuinelyExact}\n");
        return sb.ToString();
    }

    static string ToMarkdown(IReadOnlyList<FrontierSummary> summary, string verdict, TrainingOptions o, string dataset)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"# Accuracy against exactness ({dataset}, chain [{string.Join(",", o.Network.Dims)}], {o.Epochs} epochs)\n\n");
        sb.Append("Losses: ");
        sb.Append(string.Join("; ", FrontierLoss.All.Select(l => $"`{l.Name}` = {l.Formula}")));
        sb.Append(c, $".\n\nGenuinely exact = relative chain-axiom norm max_i ||d_i d_(i+1)||_F / (||d_i||_F ||d_(i+1)||_F) < {ExactnessDistance.AxiomThreshold:g} and total homology sum_j dim H(C_j) at the minimum any chain complex of these dimensions has ({ExactnessDistance.MinimalHomologyOfChainComplexes(o.Network.Dims)}). ");
        sb.Append("In the study's Betti convention the full-rank network already sits at its minimum, so only this full sense of exactness tests the conjecture.\n\n");
        sb.Append("| Loss | Architecture | Lambda | Seeds | Test accuracy (95% CI) | Rel. chain axiom | Mean defect | Homology excess | Exact seeds |\n");
        sb.Append("|:--|:--|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var s in summary)
            sb.Append(c, $"| {s.Loss} | {s.Architecture} | {s.Lambda:g} | {s.Seeds} | {s.Accuracy:P2}{(s.AccuracyHalfWidth is double h ? $" ± {h:P2}" : "")} | {s.RelativeChainAxiom:0.###e+0} | {s.MeanDefect:0.###} | {s.HomologyExcess:0.#} | {s.GenuinelyExactSeeds}/{s.Seeds} |\n");
        sb.Append(c, $"\n**Verdict (computed):** {verdict}\n\n![frontier]({PlotFile})\n");
        return sb.ToString();
    }
}
