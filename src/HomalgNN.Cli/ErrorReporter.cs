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
        // Plain text, never wrapped: the error must stay one line whatever the terminal width.
        bool colour = !Console.IsErrorRedirected;
        Console.Error.WriteLine(colour ? $"\u001b[31m{prefix}:\u001b[0m {message}" : $"{prefix}: {message}");
        if (verbose) Console.Error.WriteLine(e.ToString());
        return e is CommandAppException ? 2 : 1;
    }
}
