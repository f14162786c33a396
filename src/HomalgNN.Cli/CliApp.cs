using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli;

/// <summary>Entry point shared by Program and the tests: parses, dispatches, and turns failures into one-line errors.</summary>
public static class CliApp
{
    /// <summary>Runs the CLI and returns its exit code (0 ok, 1 bad input or failed run, 2 bad usage).</summary>
    public static int Run(string[] args)
    {
        // Training steps allocate and free the same buffers over and over: keep them in the heap (see NativeHeap).
        Training.NativeHeap.KeepStepBuffers();
        bool verbose = args.Contains("--verbose");
        args = args.Where(a => a != "--verbose").ToArray();
        // Redirected output (logs, CI, tests) gets wide lines instead of Spectre's 80-column wrapping.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("homalg");
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            CommandRegistry.Register(config);
        });
        try
        {
            return app.Run(args);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, verbose);
        }
    }
}
