using System.Text.Json;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>Reads back the "config" block of a results.json: the architecture to rebuild, and how it differs from a planned run.</summary>
public static class RunConfigReader
{
    static readonly JsonSerializerOptions Compact = new(AtomicFile.JsonOptions) { WriteIndented = false };

    /// <summary>The network the config describes; architecture keys that older files lack take the study's values.</summary>
    /// <param name="source">The file, named in errors.</param>
    public static NetworkConfig Network(JsonElement config, string source)
    {
        var defaults = new NetworkConfig(NetworkConfig.StudyDims);
        return new NetworkConfig(
            Required(config, "dims", source, e => e.Deserialize<int[]>()),
            Baseline: Required(config, "baseline", source, e => e.GetBoolean()),
            Init: Required(config, "init", source, e => Enum.Parse<ChainInit>(e.GetString()!, ignoreCase: true)),
            Precision: Required(config, "precision", source, e => Enum.Parse<Precision>(e.GetString()!, ignoreCase: true)),
            Dropout: Required(config, "dropout", source, e => e.GetDouble()),
            InitScale: Optional(config, "init_scale", source, e => e.GetDouble(), defaults.InitScale),
            ChainActivation: Optional(config, "chain_activation", source, e => Enum.Parse<ChainActivation>(e.GetString()!, ignoreCase: true), defaults.ChainActivation),
            ChainResidual: Optional(config, "chain_residual", source, e => e.GetBoolean(), defaults.ChainResidual),
            InputFeatures: Optional(config, "input_features", source, e => e.GetInt32(), defaults.InputFeatures),
            EncoderWidths: Optional(config, "encoder_widths", source, e => e.Deserialize<int[]>(), defaults.Encoder),
            BridgeWidth: Optional(config, "bridge_width", source, e => e.GetInt32(), defaults.BridgeWidth),
            Classes: Optional(config, "classes", source, e => e.GetInt32(), defaults.Classes));
    }

    /// <summary>"key: stored here, planned there" for each decisive key whose stored value differs from <paramref name="planned"/>'s.</summary>
    public static List<string> Differences(JsonElement stored, IReadOnlyDictionary<string, object?> planned)
    {
        var differences = new List<string>();
        foreach (var key in RunConfig.DecisiveKeys)
        {
            // Compare JSON texts: both sides were written by the same serializer, so equal values print alike.
            var want = JsonSerializer.Serialize(planned.GetValueOrDefault(key), Compact);
            var have = stored.TryGetProperty(key, out var e) ? JsonSerializer.Serialize(e, Compact) : "(missing)";
            if (want != have) differences.Add($"{key}: {have} in results.json, {want} now");
        }
        return differences;
    }

    /// <summary>config.<paramref name="key"/> read by <paramref name="read"/>; a missing or unreadable value is an error naming the file.</summary>
    public static T Required<T>(JsonElement config, string key, string source, Func<JsonElement, T?> read) =>
        config.TryGetProperty(key, out var e) ? Read(e, key, source, read) : throw new InvalidDataException($"{source}: config.{key} is missing");

    static T Optional<T>(JsonElement config, string key, string source, Func<JsonElement, T?> read, T fallback) =>
        config.TryGetProperty(key, out var e) && e.ValueKind != JsonValueKind.Null ? Read(e, key, source, read) : fallback;

    static T Read<T>(JsonElement e, string key, string source, Func<JsonElement, T?> read)
    {
        try
        {
            return read(e) ?? throw new InvalidDataException($"{source}: config.{key} is null");
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{source}: config.{key} = {e.GetRawText()} is not valid ({ex.Message})");
        }
    }
}
