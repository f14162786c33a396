using Spectre.Console;

namespace HomalgNN.Cli.Display;

/// <summary>Consoles bound to the current Console.Out (so tests that redirect it see the output), with wide lines when not a terminal.</summary>
public static class ConsoleFactory
{
    /// <summary>A console writing to the current standard output.</summary>
    public static IAnsiConsole Stdout()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // Redirected output has no width; keep tables and messages on one line each for grep and logs.
        if (!IsLive(console)) console.Profile.Width = 240;
        return console;
    }

    /// <summary>True when live displays (progress bars) can redraw: an interactive terminal.</summary>
    public static bool IsLive(IAnsiConsole console) => console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal;
}
