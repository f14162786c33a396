using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli;

/// <summary>Prints a failure as one red line on stderr (stack trace only with --verbose) and picks the exit code.</summary>
public static class ErrorReporter
{
    public static int Report(Exception e, bool verbose)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerException!;
        if (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        string message = e.Message.ReplaceLineEndings(" ").Trim();
        string prefix = e switch
        {
            CommandAppException => "usage error",
            _ => "error",
        };
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        err.MarkupLine($"[red]{prefix}:[/] {Markup.Escape(message)}");
        if (verbose) err.WriteLine(e.ToString());
        return e is CommandAppException ? 2 : 1;
    }
}
