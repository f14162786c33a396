using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace HomalgNN.Benchmarks;

/// <summary>
/// The PyTorch reference (bench/reference/homalg_reference.py) as a child process that keeps its network between
/// commands: one command line in, one JSON line out.
/// </summary>
public sealed class ReferenceProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _stderr;

    ReferenceProcess(Process process, JsonElement hello, StringBuilder stderr)
    {
        _process = process;
        _stderr = stderr;
        Hello = hello;
    }

    /// <summary>The script's first reply: versions, thread count, image counts.</summary>
    public JsonElement Hello { get; }

    /// <summary>Starts the script on <paramref name="dataFolder"/> (four IDX files) and waits for it to load the data.</summary>
    public static ReferenceProcess Start(PythonRuntime python, string script, string dataFolder, IReadOnlyList<string> arguments, int threads)
    {
        var info = new ProcessStartInfo(python.Path)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(dataFolder);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // OpenBLAS and OpenMP size their pools from the environment at load time, before torch.set_num_threads runs.
        foreach (var name in new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS" })
            info.Environment[name] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {python.Path}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        try
        {
            var line = process.StandardOutput.ReadLine();
            if (line is null)
            {
                process.WaitForExit(10_000);
                throw new InvalidOperationException($"the reference exited before it was ready: {Tail(stderr)}");
            }
            return new ReferenceProcess(process, Parse(line, stderr), stderr);
        }
        catch
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command and returns its reply; a reply with "error" becomes an exception.</summary>
    public JsonElement Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the reference exited during '{command}': {Tail(_stderr)}");
        var reply = Parse(line, _stderr);
        if (reply.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"the reference failed on '{command}': {error.GetString()}");
        return reply;
    }

    static JsonElement Parse(string line, StringBuilder stderr)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"the reference wrote '{line}' instead of JSON: {Tail(stderr)}");
        }
    }

    static string Tail(StringBuilder stderr)
    {
        string text;
        lock (stderr) text = stderr.ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "(no stderr)" : string.Join(" | ", lines.TakeLast(3)).Trim();
    }

    /// <summary>Asks the script to quit, and ends it if it does not.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
