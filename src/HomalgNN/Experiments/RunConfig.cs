using System.Text.Json;
using HomalgNN.Data;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>The "config" block of results.json: every setting, the data set and the versions that produced a run.</summary>
public static class RunConfig
{
    /// <summary>A flat, JSON-friendly description of a run's settings.</summary>
    public static Dictionary<string, object?> Describe(TrainingOptions o, DataSplit data, int trainCount, int testCount) => new()
    {
        ["dataset"] = data.Spec.Name,
        ["data_folder"] = data.Folder,
        ["train_images"] = trainCount,
        ["test_images"] = testCount,
        ["dims"] = o.Network.Dims,
        ["baseline"] = o.Network.Baseline,
        ["init"] = o.Network.Init.ToString(),
        ["precision"] = o.Network.Precision.ToString(),
        ["dropout"] = o.Network.Dropout,
        ["lambda"] = o.Lambda,
        ["epochs"] = o.Epochs,
        ["batch_size"] = o.BatchSize,
        ["lr"] = o.LearningRate,
        ["weight_decay"] = o.WeightDecay,
        ["epsilon"] = o.LossOptions.Epsilon,
        ["loss_mode"] = o.LossOptions.Mode.ToString(),
        ["normalize"] = o.LossOptions.Normalize,
        ["weight_by_dimension"] = o.LossOptions.WeightByDimension,
        ["sparsity_weight"] = o.LossOptions.SparsityWeight,
        ["schedule"] = o.ScheduleOrDefault,
        ["seed"] = o.Seed,
        ["train_limit"] = o.TrainLimit,
        ["init_scale"] = o.Network.InitScale,
        ["chain_activation"] = o.Network.ChainActivation.ToString(),
        ["chain_residual"] = o.Network.ChainResidual,
        ["temperature"] = o.LossOptions.Temperature,
        ["rank_weight"] = o.LossOptions.RankWeight,
        ["target_ranks"] = o.LossOptions.TargetRanks,
        ["normalized_axiom"] = o.NormalizedAxiom,
        ["input_features"] = o.Network.InputFeatures,
        ["encoder_widths"] = o.Network.Encoder,
        ["bridge_width"] = o.Network.BridgeWidth,
        ["classes"] = o.Network.Classes,
        ["monitor_every"] = o.MonitorEvery,
        ["tensorboard"] = o.TensorBoardDir,
        ["versions"] = Versions(),
        ["started_utc"] = DateTime.UtcNow.ToString("o"),
        ["machine"] = $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
    };

    /// <summary>The keys that decide what a run computes; the others (folders, image counts, versions, times) only describe it.</summary>
    public static IReadOnlyList<string> DecisiveKeys { get; } =
    [
        "dataset", "dims", "baseline", "init", "precision", "dropout", "lambda", "epochs", "batch_size", "lr", "weight_decay",
        "epsilon", "loss_mode", "normalize", "weight_by_dimension", "sparsity_weight", "schedule", "seed", "train_limit", "init_scale",
        "chain_activation", "chain_residual", "temperature", "rank_weight", "target_ranks", "normalized_axiom",
        "input_features", "encoder_widths", "bridge_width", "classes",
    ];

    /// <summary>The decisive settings and the image counts of a described run, as one compact JSON string (equal strings, same computation).</summary>
    public static string Fingerprint(Dictionary<string, object?> config) =>
        JsonSerializer.Serialize(DecisiveKeys.Append("train_images").Append("test_images").ToDictionary(k => k, k => config.GetValueOrDefault(k)), Compact);

    static readonly JsonSerializerOptions Compact = new(AtomicFile.JsonOptions) { WriteIndented = false };

    /// <summary>homalg-nn, TorchSharp, libtorch and .NET versions.</summary>
    public static Dictionary<string, string> Versions() => new()
    {
        ["homalg_nn"] = typeof(RunConfig).Assembly.GetName().Version?.ToString() ?? "?",
        ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
        ["libtorch"] = TorchSharp.torch.__version__,
        ["dotnet"] = Environment.Version.ToString(),
    };
}
