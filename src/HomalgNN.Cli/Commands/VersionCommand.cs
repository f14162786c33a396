using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg version`: prints the versions that results.json records.</summary>
public sealed class VersionCommand : Command<VersionCommand.Settings>
{
    public sealed class Settings : CommandSettings { }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"homalg-nn {typeof(VersionCommand).Assembly.GetName().Version}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, libtorch {TorchSharp.torch.__version__}");
        return 0;
    }
}
