using HomalgNN.Data;
using HomalgNN.Data.Download;
using Spectre.Console;

namespace HomalgNN.Cli.Display;

/// <summary>Reports a download as plain lines, one per event, for logs and redirected output.</summary>
public sealed class PlainDownloadProgress(IAnsiConsole console) : IDownloadProgress
{
    public void Skipped(FileVerification existing) =>
        Line($"present  {existing.Path} ({Describe(existing)})");

    public void Replacing(FileVerification existing) =>
        Line($"invalid  {existing.Path}: {existing.Detail}; fetching it again");

    public void Started(IdxResource resource, Uri url, long offset, long? totalBytes) =>
        Line($"fetch    {url}" + (totalBytes is long t ? $" ({t:N0} bytes)" : "") + (offset > 0 ? $", resuming at byte {offset:N0}" : ""));

    public void Advanced(IdxResource resource, long received) { }

    public void Failed(IdxResource resource, Uri url, string fault) =>
        console.MarkupLine($"[yellow]rejected[/] {Markup.Escape($"{url}: {fault}")}");

    public void Completed(FileVerification verification, Uri url) =>
        Line($"saved    {verification.Path} ({Describe(verification)})");

    /// <summary>"verified: MD5 ..." or "IDX structure valid ..." for a verdict.</summary>
    public static string Describe(FileVerification v) =>
        v.Status == VerificationStatus.Verified ? $"verified: {v.Detail}" : v.Detail;

    void Line(string text) => console.WriteLine(text);
}
