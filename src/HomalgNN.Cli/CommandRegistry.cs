using Spectre.Console.Cli;

namespace HomalgNN.Cli;

/// <summary>The one place where commands are added to the CLI (one line each).</summary>
public static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.VersionCommand>("version").WithDescription("Print versions of homalg-nn, TorchSharp and libtorch.");
    }
}
