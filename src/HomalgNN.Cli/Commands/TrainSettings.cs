using System.ComponentModel;
using System.Globalization;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>The flags of `train`, shared by every command that trains (diagnose, compare, sweep, study).</summary>
public class TrainSettings : CommandSettings
{
    [CommandOption("--dataset <NAME>")]
    [Description("mnist, fashion-mnist or mnist-10k (the real MNIST test set split by a fixed seeded stratified split into 8,000 train / 2,000 test images). Default: the first of these found locally.")]
    public string? Dataset { get; set; }

    [CommandOption("--data-dir <DIR>")]
    [Description("Folder holding the data sets. Default: $HOMALG_DATA, else ./data, ~/.cache/homalg-nn, /usr/share/datasets, ../shared/data.")]
    public string? DataDir { get; set; }

    [CommandOption("--dims <N0,...,NK>")]
    [Description("Chain dimensions n_0,...,n_k; d_i : R^{n_{i+1}} -> R^{n_i}. Default: 16,32,64,128,256 (the study).")]
    [DefaultValue("16,32,64,128,256")]
    public string Dims { get; set; } = "16,32,64,128,256";

    [CommandOption("--lambda <L>")]
    [Description("Weight of the homological regulariser: loss = task + lambda (w_ex exactness + w_ax chain axiom). Default: 0.5.")]
    [DefaultValue(0.5)]
    public double Lambda { get; set; } = 0.5;

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training data. Default: 15.")]
    [DefaultValue(15)]
    public int Epochs { get; set; } = 15;

    [CommandOption("--batch-size <N>")]
    [Description("Images per Adam step. Default: 128.")]
    [DefaultValue(128)]
    public int BatchSize { get; set; } = 128;

    [CommandOption("--lr <RATE>")]
    [Description("Adam learning rate. Default: 1e-3.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; set; } = 1e-3;

    [CommandOption("--epsilon <EPS>")]
    [Description("Singular values below eps count as zero (ranks, Betti numbers, soft masks). Default: 1e-3.")]
    [DefaultValue(1e-3)]
    public double Epsilon { get; set; } = 1e-3;

    [CommandOption("--seed <N>")]
    [Description("Seeds weights, shuffling and dropout: the same seed and flags give the same numbers. Default: 0.")]
    [DefaultValue(0)]
    public int Seed { get; set; }

    [CommandOption("--train-limit <N>")]
    [Description("Use only N training images (a seeded, stratified subset).")]
    public int? TrainLimit { get; set; }

    [CommandOption("--baseline")]
    [Description("Replace the chain by Linear+ReLU layers n_k -> ... -> n_0 in float32 (the study's baseline).")]
    public bool Baseline { get; set; }

    [CommandOption("--out <DIR>")]
    [Description("Output folder for results.json and model.bin. Default: runs/<dataset>-lambda<L>-seed<S>[-baseline].")]
    public string? Out { get; set; }

    /// <summary>Parses "16,32,64" into integers; the error names the flag.</summary>
    public static int[] ParseInts(string text, string flag)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1)
                throw new ArgumentException($"{flag} must be a comma-separated list of positive integers, got '{text}'");
        return values;
    }

    public override ValidationResult Validate()
    {
        try
        {
            ToOptions().Validate();
            if (Dataset is not null) DatasetCatalog.Get(Dataset);
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }

    /// <summary>The training options these flags describe.</summary>
    public virtual TrainingOptions ToOptions() => new(
        new NetworkConfig(ParseInts(Dims, "--dims"), Baseline),
        Lambda, Epochs, BatchSize, LearningRate, Seed,
        new ExactnessLossOptions(Epsilon: Epsilon),
        TrainLimit: TrainLimit);

    /// <summary>The chosen (or first locally found) data set, loaded.</summary>
    public DataSplit LoadData()
    {
        var spec = Dataset is null ? DatasetLocator.DefaultDataset(DataDir) : DatasetCatalog.Get(Dataset);
        return DatasetLocator.Load(spec, DataDir);
    }

    /// <summary>The output folder: --out, else a name built from the main flags.</summary>
    public string OutputFolder(string dataset) =>
        Out ?? Path.Combine("runs", $"{dataset}-lambda{Lambda.ToString(CultureInfo.InvariantCulture)}-seed{Seed}{(Baseline ? "-baseline" : "")}");
}
