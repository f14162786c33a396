using System.Diagnostics;

namespace HomalgNN.Benchmarks;

/// <summary>A Python interpreter that can import torch and numpy, with their versions.</summary>
public sealed record PythonRuntime(string Path, string TorchVersion);

/// <summary>Finds the Python the reference runs on: one whose torch imports (Debian's python3-torch lives in /usr/bin/python3).</summary>
public static class PythonLocator
{
    /// <summary>The install command printed when no Python with torch is found.</summary>
    public const string InstallHint = "apt-get install -y python3-torch libopenblas0-pthread";

    /// <summary>The first of <paramref name="explicitPath"/> (when given), else python3 on PATH and /usr/bin/python3, that imports torch; null with the reason otherwise.</summary>
    public static PythonRuntime? Find(string? explicitPath, out string reason)
    {
        string[] candidates = explicitPath is not null ? [explicitPath] : ["python3", "/usr/bin/python3"];
        var failures = new List<string>();
        foreach (var candidate in candidates.Distinct())
        {
            var version = TorchVersion(candidate, out var why);
            if (version is not null)
            {
                reason = "";
                return new PythonRuntime(candidate, version);
            }
            failures.Add($"{candidate}: {why}");
        }
        reason = $"no Python with torch found ({string.Join("; ", failures)}); install Debian's PyTorch with `{InstallHint}`";
        return null;
    }

    static string? TorchVersion(string python, out string why)
    {
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-c", "import numpy, torch; print(torch.__version__)" }) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000))
            {
                p.Kill(entireProcessTree: true);
                why = "timed out importing torch";
                return null;
            }
            if (p.ExitCode == 0)
            {
                why = "";
                return stdout.Result.Trim();
            }
            var lines = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            why = lines.Length > 0 ? lines[^1].Trim() : $"exit code {p.ExitCode}";
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            why = "not found";
            return null;
        }
    }
}
