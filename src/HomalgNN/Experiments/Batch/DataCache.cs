using HomalgNN.Data;

namespace HomalgNN.Experiments.Batch;

/// <summary>Loads each data set a batch needs once, however many runs use it.</summary>
public sealed class DataCache
{
    readonly Dictionary<(string, string?), DataSplit> _loaded = [];

    /// <summary>The run's data set, loaded on first use.</summary>
    public DataSplit For(PlannedRun run)
    {
        var key = (run.Dataset, run.DataDir);
        if (!_loaded.TryGetValue(key, out var data))
            _loaded[key] = data = DatasetLocator.Load(DatasetCatalog.Get(run.Dataset), run.DataDir);
        return data;
    }
}
