using HomalgNN.Data;
using HomalgNN.Data.Download;

namespace HomalgNN.Tests.Data.Fixtures;

/// <summary>Collects a download's events as short lines ("failed URL: fault", "completed PATH") for assertions.</summary>
public sealed class RecordingProgress : IDownloadProgress
{
    public List<string> Events { get; } = [];

    public void Skipped(FileVerification existing) => Events.Add($"skipped {existing.Path}");
    public void Replacing(FileVerification existing) => Events.Add($"replacing {existing.Path}: {existing.Detail}");
    public void Started(IdxResource resource, Uri url, long offset, long? totalBytes) => Events.Add($"started {url} at {offset} of {totalBytes}");
    public void Advanced(IdxResource resource, long received) { }
    public void Failed(IdxResource resource, Uri url, string fault) => Events.Add($"failed {url}: {fault}");
    public void Completed(FileVerification verification, Uri url) => Events.Add($"completed {verification.Path} from {url}");

    public IEnumerable<string> Failures => Events.Where(e => e.StartsWith("failed "));
}
