namespace HomalgNN.Data.Download;

/// <summary>Downloads a data set's IDX files into its folder under the download root, verifying before and after, so it is safe to run again.</summary>
/// <remarks>Per file: keep an existing file that verifies; otherwise fetch "&lt;mirror&gt;/&lt;file&gt;.gz" into "&lt;file&gt;.gz.part"
/// (resuming a .part left by an interrupted run), check gzip, IDX structure and MD5, and only then rename it into place.
/// Mirrors are tried in turn, for <see cref="DownloadOptions.Rounds"/> rounds (a mirror that answers 404 is not asked again). When all fail, the .part is deleted and
/// <see cref="DownloadFailedException"/> names every URL and fault. Cancellation leaves the .part for a later resume.</remarks>
public sealed class DatasetDownloader(HttpClient http, DownloadOptions options, IDownloadProgress progress, VerificationCache cache)
{
    /// <summary>An HttpClient suited to the downloader: no overall timeout (the downloader times silence instead) and a plain user agent.</summary>
    public static HttpClient CreateHttpClient()
    {
        var client = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("homalg-nn/1.0");
        return client;
    }

    /// <summary>Ensures every file of <paramref name="spec"/> is present and verified in <see cref="DatasetLocator.DownloadFolder"/>.</summary>
    /// <returns>The verdict on each file, in catalog order.</returns>
    /// <exception cref="DownloadFailedException">A file could not be fetched from any mirror.</exception>
    public async Task<IReadOnlyList<FileVerification>> DownloadAsync(DatasetSpec spec, string? dataDir, CancellationToken cancel = default)
    {
        var mirrors = options.Mirrors ?? spec.Mirrors;
        if (mirrors.Count == 0) throw new ArgumentException($"data set '{spec.Name}' has no download mirrors");
        if (options.Rounds < 1) throw new ArgumentOutOfRangeException(nameof(options), "DownloadOptions.Rounds must be at least 1");
        var folder = DatasetLocator.DownloadFolder(spec, dataDir);
        bool created = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        var results = new List<FileVerification>();
        try
        {
            foreach (var resource in spec.Files)
                results.Add(await EnsureFileAsync(resource, folder, mirrors, cancel));
        }
        finally
        {
            cache.Save();
            // A download that got nothing leaves no trace; a partial file (kept for resuming) keeps its folder.
            if (created && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        return results;
    }

    async Task<FileVerification> EnsureFileAsync(IdxResource resource, string folder, IReadOnlyList<string> mirrors, CancellationToken cancel)
    {
        if (DatasetLocator.ResolveFile(folder, resource.FileName) is { } existing)
        {
            var verdict = FileVerification.Judge(resource, existing, cache.Measure(existing));
            if (verdict.Status != VerificationStatus.Invalid)
            {
                progress.Skipped(verdict);
                return verdict;
            }
            progress.Replacing(verdict);
        }
        var target = Path.Combine(folder, resource.FileName + ".gz");
        var part = target + ".part";
        var faults = new List<string>();
        var fetch = new ResumableFetch(http, options, progress);
        var live = mirrors.ToList();
        int attempts = 0;
        for (int round = 0; round < options.Rounds && live.Count > 0; round++)
        {
            if (round > 0) await Task.Delay(options.Backoff * Math.Pow(2, round - 1), cancel);
            foreach (var mirror in live.ToList())
            {
                var url = MirrorUrl(mirror, resource);
                attempts++;
                try
                {
                    await fetch.RunAsync(resource, url, part, cancel);
                    var verdict = VerifyDownload(resource, part, target);
                    File.Move(part, target, overwrite: true);
                    progress.Completed(verdict, url);
                    return verdict;
                }
                catch (RejectedResponseException e)
                {
                    File.Delete(part);
                    Fail(resource, url, e.Message, faults);
                    if (e.Permanent) live.Remove(mirror);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException)
                {
                    // A network fault: the .part stays, so the next attempt resumes it.
                    Fail(resource, url, OneLine(e), faults);
                }
            }
        }
        File.Delete(part);
        throw new DownloadFailedException(
            $"could not download {resource.FileName}.gz from {mirrors.Count} mirror(s) in {attempts} attempt(s): {string.Join("; ", faults.Distinct())}");
    }

    /// <summary>Checks the fetched .part as the final file: gzip, IDX dimensions and MD5 (decompressed, else the mirror's .gz MD5).</summary>
    FileVerification VerifyDownload(IdxResource resource, string part, string target)
    {
        using (var head = File.OpenRead(part))
        {
            Span<byte> magic = stackalloc byte[2];
            if (head.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || !Gzip.IsGzip(magic))
                throw new RejectedResponseException($"not a gzip file ({Preview(part)})");
        }
        var facts = IdxFileFacts.Measure(part);
        var verdict = FileVerification.Judge(resource, target, facts);
        // Bytes from a mirror must match a known checksum; structure alone is not enough.
        if (verdict.Status == VerificationStatus.StructureOnly)
            throw new RejectedResponseException($"MD5 of the .gz is {facts.GzipMd5}, expected {resource.GzipMd5}");
        if (verdict.Status == VerificationStatus.Invalid)
            throw new RejectedResponseException(verdict.Detail);
        cache.Remember(target, facts);
        return verdict;
    }

    void Fail(IdxResource resource, Uri url, string fault, List<string> faults)
    {
        faults.Add($"{url}: {fault}");
        progress.Failed(resource, url, fault);
    }

    static Uri MirrorUrl(string mirror, IdxResource resource) =>
        new(mirror.EndsWith('/') ? mirror + resource.FileName + ".gz" : mirror + "/" + resource.FileName + ".gz");

    static string OneLine(Exception e)
    {
        var message = e.InnerException is { } inner && e is HttpRequestException ? $"{e.Message} ({inner.Message})" : e.Message;
        return message.ReplaceLineEndings(" ").Trim();
    }

    /// <summary>The first bytes of a rejected body as text, so that an error page explains itself.</summary>
    static string Preview(string path)
    {
        var bytes = new byte[60];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (n == 0) return "empty body";
        var text = new string(bytes.Take(n).Select(b => b is >= 32 and < 127 ? (char)b : ' ').ToArray()).Trim();
        return $"starts with \"{text}\"";
    }
}
