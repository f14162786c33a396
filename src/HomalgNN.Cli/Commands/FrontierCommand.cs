using System.ComponentModel;
using System.Globalization;
using HomalgNN.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg frontier`: test accuracy against distance from genuine exactness over lambda x loss x architecture x seeds.</summary>
public sealed class FrontierCommand : Command<FrontierCommand.Settings>
{
    public sealed class Settings : TrainSettings
    {
        public Settings()
        {
            // The frontier is about mnist-10k by default, and many short runs rather than a few long ones.
            Dataset = "mnist-10k";
            Epochs = 5;
        }

        [CommandOption("--lambdas <L,...>")]
        [Description("Lambda grid (log-spaced). Default: 0.01,0.1,1,10,100.")]
        [DefaultValue("0.01,0.1,1,10,100")]
        public string Lambdas { get; set; } = "0.01,0.1,1,10,100";

        [CommandOption("--losses <NAMES>")]
        [Description("Regularisers: study (sigmoid-masked projectors, the study's), regularized (s^2/(s^2+delta) projectors + normalised chain axiom), rank (regularized + rank targets of an exact complex). Default: all three.")]
        [DefaultValue("study,regularized,rank")]
        public string Losses { get; set; } = "study,regularized,rank";

        [CommandOption("--architectures <NAMES>")]
        [Description("Chains: linear (the study's composition), relu (ReLU between maps), residual (linear + bypass). Default: all three.")]
        [DefaultValue("linear,relu,residual")]
        public string Architectures { get; set; } = "linear,relu,residual";

        [CommandOption("--seeds <N>")]
        [Description("Seeds per configuration (0..N-1), for the error bars. Default: 2.")]
        [DefaultValue(2)]
        public int Seeds { get; set; } = 2;

        [CommandOption("--quick")]
        [Description("A small grid for a first look: lambdas 0.1,10; losses study,rank; architectures linear,relu; 1 seed; 1 epoch; 2,000 training images.")]
        public bool Quick { get; set; }

        public override ValidationResult Validate()
        {
            try
            {
                Grid();
                return Seeds < 1 ? ValidationResult.Error($"--seeds must be at least 1, got {Seeds}") : base.Validate();
            }
            catch (ArgumentException e) { return ValidationResult.Error(e.Message); }
        }

        /// <summary>The grid these flags describe.</summary>
        public List<FrontierPoint> Grid()
        {
            var lambdas = (Quick ? "0.1,10" : Lambdas).Split(',', StringSplitOptions.TrimEntries).Select(t =>
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0
                    ? v : throw new ArgumentException($"--lambdas must be non-negative numbers, got '{t}'")).ToArray();
            var losses = Pick(Quick ? "study,rank" : Losses, FrontierLoss.All, l => l.Name, "--losses");
            var archs = Pick(Quick ? "linear,relu" : Architectures, FrontierArchitecture.All, a => a.Name, "--architectures");
            int seeds = Quick ? 1 : Seeds;
            return (from l in losses from a in archs from lam in lambdas from s in Enumerable.Range(0, seeds) select new FrontierPoint(l, a, lam, s)).ToList();
        }

        static List<T> Pick<T>(string text, IReadOnlyList<T> all, Func<T, string> name, string flag) =>
            text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
                all.FirstOrDefault(x => name(x) == t) ?? throw new ArgumentException($"{flag}: unknown '{t}'; choose from {string.Join(", ", all.Select(name))}")).ToList();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var baseOptions = settings.ToOptions();
        if (settings.Quick) baseOptions = baseOptions with { Epochs = 1, TrainLimit = baseOptions.TrainLimit ?? 2000 };
        var grid = settings.Grid();
        var data = settings.LoadData();
        var outDir = settings.Out ?? Path.Combine("runs", $"frontier-{data.Spec.Name}{(settings.Quick ? "-quick" : "")}");
        AnsiConsole.MarkupLine(Markup.Escape($"frontier on {data.Spec.Name}: {grid.Count} runs of {baseOptions.Epochs} epoch(s) -> {outDir} (finished runs are reused)"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, summary, verdict) = FrontierRun.Execute(grid, baseOptions, data, outDir, (n, p) =>
        {
            var eta = n == 0 ? "" : $", ETA {TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / n * (grid.Count - n)):hh\\:mm\\:ss}";
            AnsiConsole.MarkupLine(Markup.Escape($"run {n + 1}/{grid.Count}: {p.Key}{eta}"));
            return new ConsoleTrainingObserver(baseOptions.Epochs, "  ");
        });
        var table = new Table().AddColumns("loss", "architecture", "lambda", "seeds", "test acc", "rel. chain axiom", "mean defect", "homology excess", "exact seeds");
        foreach (var s in summary)
            table.AddRow(s.Loss, s.Architecture, s.Lambda.ToString("g", CultureInfo.InvariantCulture), $"{s.Seeds}",
                $"{s.Accuracy:P2}{(s.AccuracyHalfWidth is double h ? $" ± {h:P2}" : "")}", $"{s.RelativeChainAxiom:0.###e+0}", $"{s.MeanDefect:0.###}",
                $"{s.HomologyExcess:0.#}", $"{s.GenuinelyExactSeeds}/{s.Seeds}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape("verdict: " + verdict));
        AnsiConsole.MarkupLine(Markup.Escape($"wrote {Path.Combine(outDir, FrontierRun.MarkdownFile)}, {FrontierRun.CsvFile}, {FrontierRun.PlotFile}"));
        return 0;
    }
}
