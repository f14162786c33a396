using HomalgNN.Cli;

namespace HomalgNN.Tests.Cli;

/// <summary>Runs the CLI in-process with Console.Out and Console.Error captured.</summary>
public static class CliCapture
{
    private static readonly Lock Gate = new();

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        /// <summary>The non-empty lines written to stderr.</summary>
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>Asserts a failure reported as exactly one stderr line containing the text (and the exit code, if given).</summary>
        public void AssertOneLineError(string text, int? exitCode = null)
        {
            Assert.NotEqual(0, ExitCode);
            if (exitCode is { } code) Assert.Equal(code, ExitCode);
            Assert.Single(ErrorLines);
            Assert.Contains(text, Error);
        }

        /// <summary>Asserts exit code 0, showing stderr when it is not.</summary>
        public void AssertSucceeded() => Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");
    }

    public static Result Run(params string[] args)
    {
        lock (Gate)
        {
            TextWriter oldOut = Console.Out, oldError = Console.Error;
            var output = new StringWriter();
            var error = new StringWriter();
            try
            {
                Console.SetOut(output);
                Console.SetError(error);
                int code = CliApp.Run(args);
                return new Result(code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }
        }
    }
}
