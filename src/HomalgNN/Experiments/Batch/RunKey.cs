using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>Names a run by what determines its numbers, so that identical runs of different experiments are trained once.</summary>
public static class RunKey
{
    /// <summary>Bumped when the canonical form changes, so that old folders are not mistaken for new runs.</summary>
    const int Format = 1;

    static readonly JsonSerializerOptions Compact = new(AtomicFile.JsonOptions) { WriteIndented = false };

    /// <summary>First 16 hex digits of the SHA-256 of <see cref="CanonicalJson"/>.</summary>
    public static string Of(TrainingOptions options, string dataset, int? diagnoseEvery) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(options, dataset, diagnoseEvery))))[..16];

    /// <summary>The JSON that is hashed: every field of the options (so a new setting changes the key), the data set's name and the diagnostics interval.</summary>
    public static string CanonicalJson(TrainingOptions options, string dataset, int? diagnoseEvery) =>
        JsonSerializer.Serialize(new { format = Format, dataset, diagnose_every = diagnoseEvery, options = Canonical(options) }, Compact);

    /// <summary>Defaults spelled out (a null loss or schedule means the default one) and the TensorBoard folder, an output location, dropped.</summary>
    public static TrainingOptions Canonical(TrainingOptions o) => o with
    {
        Loss = o.LossOptions,
        Schedule = o.ScheduleOrDefault,
        TensorBoardDir = null,
        Network = o.Network with { EncoderWidths = o.Network.Encoder },
    };

    /// <summary>e.g. "chain-16.32.64.128.256-lambda0.5-e15-seed0-3f2a9c1b7d4e": readable at a glance, unique by the key.</summary>
    public static string FolderName(TrainingOptions o, int? diagnoseEvery, string key)
    {
        var c = CultureInfo.InvariantCulture;
        var kind = diagnoseEvery is null ? (o.Network.Baseline ? "baseline" : "chain") : "diagnose";
        return string.Create(c, $"{kind}-{string.Join('.', o.Network.Dims)}-lambda{o.Lambda:R}-e{o.Epochs}-seed{o.Seed}-{key[..12]}");
    }
}
