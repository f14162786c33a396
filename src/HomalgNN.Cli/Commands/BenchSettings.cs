using System.ComponentModel;
using HomalgNN.Benchmarks;
using HomalgNN.Data;
using HomalgNN.Nn;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>The flags of `bench`.</summary>
public sealed class BenchSettings : CommandSettings
{
    [CommandOption("--quick")]
    [Description("Time --steps steps per round and extrapolate each side to an epoch (about a minute), instead of whole epochs (several minutes).")]
    public bool Quick { get; set; }

    [CommandOption("--steps <N>")]
    [Description("Quick mode: optimiser steps per round. Default: 150.")]
    [DefaultValue(150)]
    public int Steps { get; set; } = 150;

    [CommandOption("--rounds <N>")]
    [Description("Rounds of ours-then-reference (A B A B ...); the median round is reported. Default: 3.")]
    [DefaultValue(3)]
    public int Rounds { get; set; } = 3;

    [CommandOption("--ours-only")]
    [Description("Measure our side only (no Python needed).")]
    public bool OursOnly { get; set; }

    [CommandOption("--precision <LIST>")]
    [Description("Our precisions besides float64 (which the reference is compared with): comma-separated float32, mixed. Default: float32,mixed.")]
    [DefaultValue("float32,mixed")]
    public string Precisions { get; set; } = "float32,mixed";

    [CommandOption("--threads <N>")]
    [Description("Intra-op threads for both sides. Default: libtorch's default (the number of cores).")]
    [DefaultValue(0)]
    public int Threads { get; set; }

    [CommandOption("--dataset <NAME>")]
    [Description("Data set. Default: fashion-mnist (the issue's yardstick), else the first found locally.")]
    public string? Dataset { get; set; }

    [CommandOption("--data-dir <DIR>")]
    [Description("Folder holding the data sets (as for train).")]
    public string? DataDir { get; set; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per step. Default: 128 (the study).")]
    [DefaultValue(128)]
    public int BatchSize { get; set; } = 128;

    [CommandOption("--seed <N>")]
    [Description("Seed of both sides' weights and shuffling. Default: 0.")]
    [DefaultValue(0)]
    public int Seed { get; set; }

    [CommandOption("--profile-batches <N>")]
    [Description("Batches timed for the per-part breakdown. Default: 20.")]
    [DefaultValue(20)]
    public int ProfileBatches { get; set; } = 20;

    [CommandOption("--monitor-calls <N>")]
    [Description("Calls of Betti numbers + defects timed. Default: 10.")]
    [DefaultValue(10)]
    public int MonitorCalls { get; set; } = 10;

    [CommandOption("--python <PATH>")]
    [Description("Python interpreter for the reference. Default: the first of python3, /usr/bin/python3 that imports torch.")]
    public string? Python { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("Also write the measurements as JSON to FILE.")]
    public string? Out { get; set; }

    /// <summary>The bench options these flags describe.</summary>
    public BenchOptions ToOptions()
    {
        var precisions = Precisions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Names.Parse<Precision>(p, "--precision")).ToArray();
        return new BenchOptions(Quick, Steps, Rounds, ProfileBatches, MonitorCalls, Threads: Threads, Seed: Seed, BatchSize: BatchSize,
            Precisions: precisions, OursOnly: OursOnly, Python: Python);
    }

    /// <summary>The chosen data set, loaded (Fashion-MNIST when present and none was named).</summary>
    public DataSplit LoadData()
    {
        var spec = Dataset is not null ? DatasetCatalog.Get(Dataset)
            : DatasetLocator.FindFolder(DatasetCatalog.FashionMnist, DataDir) is not null ? DatasetCatalog.FashionMnist
            : DatasetLocator.DefaultDataset(DataDir);
        return DatasetLocator.Load(spec, DataDir);
    }

    public override ValidationResult Validate()
    {
        try { ToOptions().Validate(); if (Dataset is not null) DatasetCatalog.Get(Dataset); }
        catch (ArgumentException e) { return ValidationResult.Error(e.Message); }
        return ValidationResult.Success();
    }
}
