using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace HomalgNN.Cli;

/// <summary>Where commands write results: a Spectre console or JSON, both on the current Console.Out (so tests can capture it).</summary>
public static class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep ∩, -> and + readable; the output is not embedded in HTML
    };

    /// <summary>A console bound to the current Console.Out (the static AnsiConsole would keep the first one it saw).</summary>
    public static IAnsiConsole Console() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });

    /// <summary>Writes the value as indented camelCase JSON.</summary>
    public static void Json(object value) => System.Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
