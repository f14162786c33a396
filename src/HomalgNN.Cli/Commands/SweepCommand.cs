using System.ComponentModel;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg sweep`: one run per grid point and seed (a --lambda list, a --grid file over any train flags), then sweep.md, .csv and .json.</summary>
public sealed class SweepCommand : Command<SweepCommand.Settings>
{
    public sealed class Settings : TrainSettings
    {
        [CommandOption("--seeds <N>")]
        [Description("Seeds per grid point: --seed, --seed + 1, ..., --seed + N - 1. Default: 1.")]
        public int? Seeds { get; set; }

        [CommandOption("--grid <FILE>")]
        [Description("JSON object of train flag to values, e.g. {\"lambda\": [0.1, 1.0], \"dims\": [\"16,32,64,128,256\", \"16,32,64,32,16\"]}; every combination is a row.")]
        public string? Grid { get; set; }

        [CommandOption("--shard <I/N>")]
        [Description("Train only the runs at positions i-1, i-1+N, ... of the plan (for cluster job arrays); gather the folders with `homalg merge`.")]
        [DefaultValue("1/1")]
        public string Shard { get; set; } = "1/1";

        // Each grid point is validated through TrainSettings when the plan is built; the --lambda list is not one number.
        public override ValidationResult Validate()
        {
            if (Seeds is < 1) return ValidationResult.Error($"--seeds must be at least 1, got {Seeds}");
            try
            {
                ShardSpec.Parse(Shard);
                return ValidationResult.Success();
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var seeds = Enumerable.Range(settings.Seed, settings.Seeds ?? 1).ToList();
        var plan = SweepPlanner.Plan(settings, SweepPlanner.Axes(settings, settings.Grid), seeds);
        var outDir = settings.Out ?? Path.Combine("runs", $"sweep-{plan.Fingerprint[..8]}");
        var files = ExperimentExecution.Run(plan, outDir, ShardSpec.Parse(settings.Shard));
        // Plain Console: the table's lines must not be wrapped to the terminal's width.
        if (files.Count > 0) Console.Out.Write(File.ReadAllText(Path.Combine(outDir, SweepReport.MarkdownFile)));
        return 0;
    }
}
