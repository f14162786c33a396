using Spectre.Console.Cli;

namespace HomalgNN.Cli;

/// <summary>The one place where commands are added to the CLI (one line each).</summary>
public static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.TrainCommand>("train").WithDescription("Train the study's network with the exactness regulariser; writes results.json and model.bin.");
        config.AddCommand<Commands.VersionCommand>("version").WithDescription("Print versions of homalg-nn, TorchSharp and libtorch.");
    }
}
