using System.ComponentModel;
using HomalgNN.Experiments.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg sweep`: one run per grid point and seed (a --lambda list, a --grid file over any train flags), then sweep.md, .csv and .json.</summary>
public sealed class SweepCommand : Command<SweepCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        // Help text is Spectre markup: "[[" prints one bracket.
        [CommandOption("--grid <FILE>")]
        [Description("JSON object of train flag to values, e.g. {\"lambda\": [[0.1, 1.0]], \"dims\": [[\"16,32,64,128,256\", \"16,32,64,32,16\"]]}; every combination is a row.")]
        public string? Grid { get; set; }

        // Not base.Validate(): the --lambda list is not one number; SweepPlanner validates every grid point through TrainSettings.
        public override ValidationResult Validate() => ValidateExperiment();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = SweepPlanner.Plan(settings, SweepPlanner.Axes(settings, settings.Grid), settings.SeedList(1));
        var outDir = settings.Out ?? Path.Combine("runs", $"sweep-{plan.Fingerprint[..8]}");
        var files = ExperimentExecution.Run(plan, outDir, settings.ShardSpec);
        // Plain Console: the table's lines must not be wrapped to the terminal's width.
        if (files.Count > 0) Console.Out.Write(File.ReadAllText(Path.Combine(outDir, SweepReport.MarkdownFile)));
        return 0;
    }
}
