using System.ComponentModel;
using HomalgNN.Experiments.Batch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg merge DIR...`: gathers the shard folders of one sweep or study into one folder and writes its report.</summary>
public sealed class MergeCommand : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Experiment folders written by `sweep` or `study` (e.g. one per shard).")]
        public string[] Dirs { get; set; } = [];

        [CommandOption("--out <DIR>")]
        [Description("Where to gather the runs and write the report. Default: the first DIR.")]
        public string? Out { get; set; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outDir = settings.Out ?? settings.Dirs[0];
        var result = ExperimentMerge.Execute(settings.Dirs, outDir);
        AnsiConsole.MarkupLine(Markup.Escape($"merged {result.Plan.Runs.Count} runs ({result.Copied} copied in) -> {string.Join(", ", result.Files)}"));
        return 0;
    }
}
