using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Cli;

/// <summary>In-process CLI runs (through <see cref="CliRunner"/>, whose collection they must join) with assertions on the result.</summary>
public static class CliCapture
{
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
        (int code, string output, string error) = CliRunner.Run(args);
        return new Result(code, output, error);
    }
}
