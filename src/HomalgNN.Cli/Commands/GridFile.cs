using System.Text.Json;

namespace HomalgNN.Cli.Commands;

/// <summary>One varying flag of a grid: its name (without dashes) and its values as typed after the flag (null clears an optional flag).</summary>
public sealed record GridAxis(string Flag, IReadOnlyList<string?> Values);

/// <summary>
/// Reads a sweep's grid file, a JSON object of train flag to list of values, e.g.
/// {"lambda": [0.1, 1.0], "dims": ["16,32,64,128,256", "16,32,64,32,16"], "baseline": [false, true]}.
/// Every error is one line naming the file and the flag.
/// </summary>
public static class GridFile
{
    /// <summary>Flags a grid may not vary: the sweep's own folder, and the seed (use --seeds).</summary>
    static readonly Dictionary<string, string> Reserved = new()
    {
        ["out"] = "runs go into the sweep's folder (set it with --out)",
        ["seed"] = "use --seeds N for seeds --seed .. --seed + N - 1",
    };

    /// <summary>Parses and checks <paramref name="path"/>: a non-empty object of known train flags, each with a non-empty list of distinct values.</summary>
    public static IReadOnlyList<GridAxis> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"grid file {path} does not exist");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"grid file {path} is not valid JSON: {e.Message}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.EnumerateObject().Any())
                throw new ArgumentException($"grid file {path} must be a JSON object of flag: [values], e.g. {{\"lambda\": [0.1, 1.0]}}");
            var axes = new List<GridAxis>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                var flag = property.Name.TrimStart('-');
                string Where() => $"grid file {path}, \"{property.Name}\"";
                if (Reserved.TryGetValue(flag, out var why)) throw new ArgumentException($"{Where()}: a grid cannot vary --{flag}: {why}");
                if (!TrainFlags.IsFlag(flag)) throw new ArgumentException($"{Where()}: not a flag of `train` (flags: {string.Join(", ", TrainFlags.Names.Where(n => !Reserved.ContainsKey(n)))})");
                if (axes.Any(a => a.Flag == flag)) throw new ArgumentException($"{Where()}: --{flag} appears twice");
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
                    throw new ArgumentException($"{Where()}: must be a non-empty list of values, e.g. [0.1, 1.0]");
                var values = property.Value.EnumerateArray().Select(v => Text(v, Where)).ToList();
                var repeated = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
                if (repeated != null) throw new ArgumentException($"{Where()}: the value {repeated.Key ?? "null"} appears twice");
                axes.Add(new GridAxis(flag, values));
            }
            return axes;
        }
    }

    /// <summary>A value as typed after the flag: numbers as written, arrays of numbers joined by commas (dims), true/false, null.</summary>
    static string? Text(JsonElement v, Func<string> where) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        JsonValueKind.Array when v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number) => string.Join(",", v.EnumerateArray().Select(x => x.GetRawText())),
        _ => throw new ArgumentException($"{where()}: values must be numbers, strings, true/false, null or lists of numbers, got {v.GetRawText()}"),
    };
}
