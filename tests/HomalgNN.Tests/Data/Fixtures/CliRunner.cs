using HomalgNN.Cli;

namespace HomalgNN.Tests.Data.Fixtures;

/// <summary>Runs the CLI in-process with stdout and stderr captured; tests using it share one collection, since Console is global.</summary>
public static class CliRunner
{
    static readonly Lock Gate = new();

    /// <summary>Exit code, standard output and standard error of `homalg <paramref name="args"/>`.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                int code = CliApp.Run(args);
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}

/// <summary>The xUnit collection of tests that redirect the process-wide Console.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "data-cli-console";
}
