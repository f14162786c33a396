using System.Text.Json;
using HomalgNN.Nn;

namespace HomalgNN.Experiments;

/// <summary>A finished run read back from its folder (results.json and model.bin): its settings and the trained network, without retraining.</summary>
public sealed class SavedRun : IDisposable
{
    SavedRun(string folder, JsonElement config, NetworkConfig network, StudyNetwork model, string dataset, int seed)
    {
        Folder = folder; Config = config; Network = network; Model = model; Dataset = dataset; Seed = seed;
    }

    /// <summary>The run folder.</summary>
    public string Folder { get; }

    /// <summary>The "config" block of results.json.</summary>
    public JsonElement Config { get; }

    /// <summary>The architecture rebuilt from the config.</summary>
    public NetworkConfig Network { get; }

    /// <summary>The trained network, in evaluation mode.</summary>
    public StudyNetwork Model { get; }

    /// <summary>The data set the run was trained on.</summary>
    public string Dataset { get; }

    /// <summary>The run's seed.</summary>
    public int Seed { get; }

    /// <summary>Whether <paramref name="folder"/> holds a run that finished: results.json says completed and model.bin exists.</summary>
    public static bool IsCompleted(string folder)
    {
        try
        {
            using var doc = ReadResults(folder);
            return Completed(doc.RootElement) && File.Exists(Path.Combine(folder, TrainingRun.ModelFile));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The config block of a folder's results.json (errors as <see cref="Load"/>'s).</summary>
    public static JsonElement ReadConfig(string folder)
    {
        using var doc = ReadResults(folder);
        return ConfigOf(doc.RootElement, folder).Clone();
    }

    /// <summary>Rebuilds the network that results.json describes and loads model.bin's weights into it.</summary>
    /// <exception cref="FileNotFoundException">No results.json or model.bin.</exception>
    /// <exception cref="InvalidDataException">Unreadable results.json, an unfinished run, or weights that do not fit the architecture.</exception>
    public static SavedRun Load(string folder)
    {
        JsonElement config;
        using (var doc = ReadResults(folder))
        {
            if (!Completed(doc.RootElement))
                throw new InvalidDataException($"{folder}: the run did not finish (results.json says completed: false); train it again");
            config = ConfigOf(doc.RootElement, folder).Clone();
        }
        var resultsPath = Path.Combine(folder, TrainingRun.ResultsFile);
        var dataset = RunConfigReader.Required(config, "dataset", resultsPath, e => e.GetString());
        var seed = RunConfigReader.Required(config, "seed", resultsPath, e => e.GetInt32());
        NetworkConfig network;
        try
        {
            network = RunConfigReader.Network(config, resultsPath);
            network.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{resultsPath}: the config describes no valid network ({e.Message})");
        }
        var modelPath = Path.Combine(folder, TrainingRun.ModelFile);
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"{folder} has no {TrainingRun.ModelFile}: the weights were not saved; train the run again", modelPath);
        var model = new StudyNetwork(network);
        try
        {
            model.load(modelPath, strict: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var arch = $"{(network.Baseline ? "baseline" : "chain")} [{string.Join(",", network.Dims)}], {model.LayerType}";
            model.Dispose();
            throw new InvalidDataException($"{modelPath} does not hold weights for the network results.json describes ({arch}): {e.Message}");
        }
        model.eval();
        return new SavedRun(folder, config, network, model, dataset, seed);
    }

    /// <summary>Frees the network.</summary>
    public void Dispose() => Model.Dispose();

    static JsonDocument ReadResults(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"run folder {folder} does not exist");
        var path = Path.Combine(folder, TrainingRun.ResultsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{folder} holds no {TrainingRun.ResultsFile}: not a run folder (train writes one)", path);
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}");
        }
    }

    static bool Completed(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("completed", out var c) && c.ValueKind == JsonValueKind.True;

    static JsonElement ConfigOf(JsonElement root, string folder) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object
            ? c
            : throw new InvalidDataException($"{Path.Combine(folder, TrainingRun.ResultsFile)} has no config block");
}
