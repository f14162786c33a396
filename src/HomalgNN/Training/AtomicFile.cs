using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomalgNN.Training;

/// <summary>Writes files so that a reader (or a crash) never sees half of one: write a temporary file, flush, rename.</summary>
public static class AtomicFile
{
    /// <summary>JSON settings of every results file: snake_case names, indented, non-finite numbers as strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="text"/>.</summary>
    public static void WriteAllText(string path, string text) => Write(path, s => s.Write(Encoding.UTF8.GetBytes(text)));

    /// <summary>Atomically replaces <paramref name="path"/> with the JSON of <paramref name="value"/>.</summary>
    public static void WriteJson<T>(string path, T value) => WriteAllText(path, JsonSerializer.Serialize(value, JsonOptions) + "\n");

    /// <summary>Atomically replaces <paramref name="path"/> with what <paramref name="write"/> puts into a stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Atomically replaces <paramref name="path"/> with a file that <paramref name="save"/> writes to a given path.</summary>
    public static void WriteVia(string path, Action<string> save)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            save(tmp);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
