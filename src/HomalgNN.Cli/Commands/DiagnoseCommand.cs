using System.ComponentModel;
using HomalgNN.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg diagnose`: trains like `train` and records spectra, ranks, gradients by source, defects and Betti numbers every N steps.</summary>
public sealed class DiagnoseCommand : Command<DiagnoseCommand.Settings>
{
    public sealed class Settings : TrainSettings
    {
        [CommandOption("--log-every <N>")]
        [Description("Record diagnostics every N optimiser steps (and at step 0). Default: 50.")]
        [DefaultValue(50)]
        public int LogEvery { get; set; } = 50;

        public override ValidationResult Validate() =>
            LogEvery < 1 ? ValidationResult.Error($"--log-every must be at least 1, got {LogEvery}")
            : Baseline ? ValidationResult.Error("diagnose needs a chain: --baseline has no boundary maps to diagnose")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var data = settings.LoadData();
        var outDir = settings.Out ?? Path.Combine("runs", $"diagnose-{data.Spec.Name}-lambda{options.Lambda}-seed{options.Seed}");
        AnsiConsole.MarkupLine(Markup.Escape($"diagnosing chain [{string.Join(",", options.Network.Dims)}] on {data.Spec.Name}, lambda {options.Lambda}, {options.Epochs} epochs, logging every {settings.LogEvery} steps -> {outDir}"));
        var result = DiagnoseRun.Execute(options, data, settings.LogEvery, outDir, new ConsoleTrainingObserver(options.Epochs));
        RunSummary.Print(result.Run);
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]What the diagnostics show[/]");
        foreach (var line in result.Summary) AnsiConsole.MarkupLine(Markup.Escape("- " + line));
        AnsiConsole.MarkupLine(Markup.Escape($"wrote {Path.Combine(outDir, DiagnoseRun.JsonFile)}, {DiagnoseRun.CsvFile}, {DiagnoseRun.PlotFile}"));
        return 0;
    }
}
