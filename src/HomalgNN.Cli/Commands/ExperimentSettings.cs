using System.ComponentModel;
using HomalgNN.Experiments.Batch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>The flags of the multi-run commands (`sweep`, `study`): every train flag, plus seeds and the shard to run.</summary>
public abstract class ExperimentSettings : TrainSettings
{
    [CommandOption("--seeds <N>")]
    [Description("Seeds of every configuration: --seed, --seed + 1, ..., --seed + N - 1. Default: 1 for sweep, 3 for study (2 with --quick).")]
    public int? Seeds { get; set; }

    [CommandOption("--shard <I/N>")]
    [Description("Train only the runs at positions i-1, i-1+N, ... of the plan (for cluster job arrays); gather the folders with `homalg merge`.")]
    [DefaultValue("1/1")]
    public string Shard { get; set; } = "1/1";

    /// <summary>--seed .. --seed + N - 1, N from --seeds or <paramref name="defaultCount"/>.</summary>
    public IReadOnlyList<int> SeedList(int defaultCount) => Enumerable.Range(Seed, Seeds ?? defaultCount).ToList();

    /// <summary>--shard, parsed.</summary>
    public ShardSpec ShardSpec => ShardSpec.Parse(Shard);

    /// <summary>Checks --seeds and --shard; commands add their own checks.</summary>
    protected ValidationResult ValidateExperiment()
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
