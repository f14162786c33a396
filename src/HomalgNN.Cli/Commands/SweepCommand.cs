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

        // Not base.Validate() as is: --lambda is a list here. Each of its values with the other flags is validated as `train`
        // would (a usage error, exit 2, like train's); grid-file points are checked by SweepPlanner.
        public override ValidationResult Validate()
        {
            var experiment = ValidateExperiment();
            if (!experiment.Successful) return experiment;
            foreach (var lambda in LambdaText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).DefaultIfEmpty(LambdaText))
            {
                var point = TrainFlags.Copy(this);
                point.LambdaText = lambda;
                var check = point.Validate();
                if (!check.Successful) return check;
            }
            return ValidationResult.Success();
        }
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
