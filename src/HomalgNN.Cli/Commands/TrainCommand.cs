using HomalgNN.Experiments;
using HomalgNN.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg train`: trains the study's network with the exactness regulariser and writes results.json.</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var data = settings.LoadData();
        var outDir = settings.OutputFolder(data.Spec.Name);
        AnsiConsole.MarkupLine(Markup.Escape(
            $"training {(options.Network.Baseline ? "baseline" : "chain")} [{string.Join(",", options.Network.Dims)}] on {data.Spec.Name} ({data.Folder}), lambda {options.Lambda}, {options.Epochs} epochs, seed {options.Seed} -> {outDir}"));
        var result = TrainingRun.Execute(options, data, outDir, new ConsoleTrainingObserver(options.Epochs));
        RunSummary.Print(result);
        AnsiConsole.MarkupLine(Markup.Escape($"results: {Path.Combine(outDir, TrainingRun.ResultsFile)}"));
        return 0;
    }
}
