using System.ComponentModel;
using HomalgNN.Data;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Studies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg study`: every experiment of the study (sweep, longer training, chains, diagnostics, baseline) into one folder with report.md.</summary>
public sealed class StudyCommand : Command<StudyCommand.Settings>
{
    public sealed class Settings : TrainSettings
    {
        [CommandOption("--seeds <N>")]
        [Description("Seeds of every multi-seed experiment: --seed .. --seed + N - 1. Default: 3 (--quick: 2).")]
        public int? Seeds { get; set; }

        [CommandOption("--epochs-scale <F>")]
        [Description("Multiply the study's epoch counts (15, 30, 10) by F, rounded, at least 1. Default: 1 (--quick: 0.2).")]
        public double? EpochsScale { get; set; }

        [CommandOption("--quick")]
        [Description("A small study: 2 seeds, epochs x 0.2 (3, 6, 2), 2,000 training images, diagnostics every 10 steps; explicit flags win.")]
        public bool Quick { get; set; }

        [CommandOption("--log-every <N>")]
        [Description("Diagnostics runs: record every N optimiser steps. Default: 50 (--quick: 10).")]
        public int? LogEvery { get; set; }

        [CommandOption("--shard <I/N>")]
        [Description("Train only the runs at positions i-1, i-1+N, ... of the plan (for cluster job arrays); gather the folders with `homalg merge`.")]
        [DefaultValue("1/1")]
        public string Shard { get; set; } = "1/1";

        public override ValidationResult Validate()
        {
            if (Baseline) return ValidationResult.Error("study plans its own baseline runs: --baseline does not apply");
            if (Seeds is < 1) return ValidationResult.Error($"--seeds must be at least 1, got {Seeds}");
            if (EpochsScale is { } f && !(f > 0 && double.IsFinite(f))) return ValidationResult.Error($"--epochs-scale must be a positive number, got {f}");
            if (LogEvery is < 1) return ValidationResult.Error($"--log-every must be at least 1, got {LogEvery}");
            try
            {
                ShardSpec.Parse(Shard);
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Quick) settings.TrainLimit ??= StudyDesign.QuickTrainLimit;
        var seeds = Enumerable.Range(settings.Seed, settings.Seeds ?? (settings.Quick ? StudyDesign.QuickSeeds : 3)).ToList();
        var dataset = settings.Dataset ?? DatasetLocator.DefaultDataset(settings.DataDir).Name;
        var plan = StudyDesign.Plan(settings.ToOptions(), dataset, settings.DataDir, seeds,
            settings.EpochsScale ?? (settings.Quick ? StudyDesign.QuickEpochScale : 1.0),
            settings.LogEvery ?? (settings.Quick ? StudyDesign.QuickLogEvery : 50));
        var outDir = settings.Out ?? Path.Combine("runs", $"study-{dataset}-{plan.Fingerprint[..8]}");
        ExperimentExecution.Run(plan, outDir, ShardSpec.Parse(settings.Shard));
        return 0;
    }
}
