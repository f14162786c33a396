using HomalgNN.Benchmarks;
using HomalgNN.Cli.Display;
using HomalgNN.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg bench`: our training step against a PyTorch reference of the study's, side by side on the same data.</summary>
public sealed class BenchCommand : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var data = settings.LoadData();
        var console = ConsoleFactory.Stdout();
        var report = BenchRunner.Run(options, data, line => console.MarkupLine(Markup.Escape(line)));
        BenchPrinter.Print(console, report);
        if (settings.Out is not null) AtomicFile.WriteJson(settings.Out, report);
        if (report.ReferenceMissing is null || options.OursOnly) return 0;
        // Our numbers are printed; the comparison the command exists for is not.
        Console.Error.WriteLine($"error: {report.ReferenceMissing}");
        return 1;
    }
}
