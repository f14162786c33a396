using System.Diagnostics;

namespace HomalgNN.Tests.Cli;

/// <summary>Runs the CLI as a user would (a separate process, output redirected) and captures what it prints.</summary>
public static class CliProcess
{
    /// <summary>The result of one CLI invocation.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs `homalg args` from <paramref name="workingDirectory"/> (default: a temp folder) with optional environment overrides.</summary>
    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string?>? env = null, int timeoutSeconds = 300)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "homalg.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TestPaths.NewTempFolder(),
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOMALG_DATA"] = null;
        if (env != null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"homalg {string.Join(" ", args)} did not finish in {timeoutSeconds} s");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Asserts a failure reported as exactly one error line, containing <paramref name="expected"/>, with no stack trace.</summary>
    public static void AssertOneLineError(Result r, string expected)
    {
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one error line, got {lines.Length}:\n{r.StdErr}");
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.DoesNotContain("Exception", r.StdErr);
    }
}
