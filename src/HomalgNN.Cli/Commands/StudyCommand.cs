using System.ComponentModel;
using HomalgNN.Data;
using HomalgNN.Experiments.Studies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg study`: every experiment of the study (sweep, longer training, chains, diagnostics, baseline) into one folder with report.md.</summary>
public sealed class StudyCommand : Command<StudyCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--epochs-scale <F>")]
        [Description("Multiply the study's epoch counts (15, 30, 10) by F, rounded, at least 1. Default: 1 (--quick: 0.2).")]
        public double? EpochsScale { get; set; }

        [CommandOption("--quick")]
        [Description("A small study: 2 seeds, epochs x 0.2 (3, 6, 2), 2,000 training images, diagnostics every 10 steps; explicit flags win.")]
        public bool Quick { get; set; }

        [CommandOption("--log-every <N>")]
        [Description("Diagnostics runs: record every N optimiser steps. Default: 50 (--quick: 10).")]
        public int? LogEvery { get; set; }

        public override ValidationResult Validate()
        {
            if (Baseline) return ValidationResult.Error("study plans its own baseline runs: --baseline does not apply");
            if (EpochsScale is { } f && !(f > 0 && double.IsFinite(f))) return ValidationResult.Error($"--epochs-scale must be a positive number, got {f}");
            if (LogEvery is < 1) return ValidationResult.Error($"--log-every must be at least 1, got {LogEvery}");
            var experiment = ValidateExperiment();
            return experiment.Successful ? base.Validate() : experiment;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Quick) settings.TrainLimit ??= StudyDesign.QuickTrainLimit;
        var dataset = settings.Dataset ?? DatasetLocator.DefaultDataset(settings.DataDir).Name;
        var plan = StudyDesign.Plan(settings.ToOptions(), dataset, settings.DataDir, settings.SeedList(settings.Quick ? StudyDesign.QuickSeeds : 3),
            settings.EpochsScale ?? (settings.Quick ? StudyDesign.QuickEpochScale : 1.0),
            settings.LogEvery ?? (settings.Quick ? StudyDesign.QuickLogEvery : 50));
        var outDir = settings.Out ?? Path.Combine("runs", $"study-{dataset}-{plan.Fingerprint[..8]}");
        ExperimentExecution.Run(plan, outDir, settings.ShardSpec);
        return 0;
    }
}
