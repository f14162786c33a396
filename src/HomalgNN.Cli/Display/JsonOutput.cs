using System.Text.Encodings.Web;
using System.Text.Json;

namespace HomalgNN.Cli.Display;

/// <summary>Writes a command's --json result to the current Console.Out (so tests that redirect it see the output).</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep ∩, -> and + readable; the output is not embedded in HTML
    };

    /// <summary>Writes the value as indented camelCase JSON.</summary>
    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
