using System.Text.Json;

namespace HomalgNN.Data;

/// <summary>Remembers measured <see cref="IdxFileFacts"/> by full path in a small JSON file, so that checking unchanged files is instant.</summary>
/// <remarks>An entry is used only while the file keeps its size and modification time. The cache is an optimisation:
/// an unreadable cache file is ignored and a failed save is silent (e.g. a read-only data folder).</remarks>
public sealed class VerificationCache
{
    /// <summary>The cache's file name inside a data root.</summary>
    public const string FileName = "verification-cache.json";

    readonly string? _file;
    readonly Dictionary<string, IdxFileFacts> _entries;
    bool _dirty;

    /// <summary>A cache stored in <paramref name="file"/>; null keeps it in memory only.</summary>
    public VerificationCache(string? file)
    {
        _file = file;
        _entries = Load(file);
    }

    /// <summary>The cache of the data root that downloads go to (see <see cref="DatasetLocator.DownloadRoot"/>).</summary>
    public static VerificationCache ForRoot(string? dataDir) => new(Path.Combine(DatasetLocator.DownloadRoot(dataDir), FileName));

    /// <summary>The facts of <paramref name="path"/>: remembered ones while the file is unchanged, else freshly measured.</summary>
    public IdxFileFacts Measure(string path)
    {
        var key = Path.GetFullPath(path);
        if (_entries.TryGetValue(key, out var known) && known.IsCurrentFor(key)) return known;
        var facts = IdxFileFacts.Measure(path);
        Remember(key, facts);
        return facts;
    }

    /// <summary>Records facts measured elsewhere (e.g. of a download before its rename, which keeps size and time).</summary>
    public void Remember(string path, IdxFileFacts facts)
    {
        _entries[Path.GetFullPath(path)] = facts;
        _dirty = true;
    }

    /// <summary>Writes the cache if anything changed, dropping entries of files that no longer exist.</summary>
    public void Save()
    {
        if (_file == null || !_dirty) return;
        foreach (var gone in _entries.Keys.Where(k => !File.Exists(k)).ToList()) _entries.Remove(gone);
        // Write then rename, so a concurrent reader never sees half a file.
        var tmp = _file + "." + Environment.ProcessId + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
            File.WriteAllText(tmp, JsonSerializer.Serialize(_entries, Json));
            File.Move(tmp, _file, overwrite: true);
            _dirty = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only speed is lost.
            try { File.Delete(tmp); }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
    }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    static Dictionary<string, IdxFileFacts> Load(string? file)
    {
        if (file == null || !File.Exists(file)) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, IdxFileFacts>>(File.ReadAllText(file), Json) ?? [];
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return [];
        }
    }
}
