using System.Net;
using System.Net.Http.Headers;

namespace HomalgNN.Data.Download;

/// <summary>One HTTP GET of a URL into a .part file, continuing an existing .part with a Range request when the server allows.</summary>
/// <remarks>Network faults and timeouts leave the .part in place for the next attempt to resume; a response that is
/// not the file raises <see cref="RejectedResponseException"/> and the caller deletes the .part.</remarks>
sealed class ResumableFetch(HttpClient http, DownloadOptions options, IDownloadProgress progress)
{
    /// <summary>Fetches <paramref name="url"/> into <paramref name="partPath"/>; returns when the body is complete.</summary>
    public async Task RunAsync(IdxResource resource, Uri url, string partPath, CancellationToken cancel)
    {
        long have = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        silence.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, silence.Token);
            bool append = CheckResponse(response, have);
            if (!append) have = 0;
            long? total = response.Content.Headers.ContentLength + have;
            progress.Started(resource, url, have, total);
            await using var body = await response.Content.ReadAsStreamAsync(silence.Token);
            await using var file = new FileStream(partPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
            var buffer = new byte[1 << 16];
            while (true)
            {
                silence.CancelAfter(options.Timeout);
                int n = await body.ReadAsync(buffer, silence.Token);
                if (n == 0) break;
                have += n;
                if (have > options.MaxBytes) throw new RejectedResponseException($"the body exceeds {options.MaxBytes:N0} bytes, far more than any data file");
                await file.WriteAsync(buffer.AsMemory(0, n), cancel);
                progress.Advanced(resource, have);
            }
            if (total is long expected && have != expected)
                throw new IOException($"the connection ended after {have:N0} of {expected:N0} bytes");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"no data for {options.Timeout.TotalSeconds:0.#} s (timeout)");
        }
    }

    /// <summary>Throws unless the response carries the file; returns true when it continues the existing <paramref name="have"/> bytes.</summary>
    static bool CheckResponse(HttpResponseMessage response, long have)
    {
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            throw new RejectedResponseException($"HTTP 416: the server cannot continue the partial download at byte {have:N0}");
        if (!response.IsSuccessStatusCode)
            throw new RejectedResponseException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(),
                permanent: response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone);
        var type = response.Content.Headers.ContentType?.MediaType;
        // Mirrors that lost a file often answer 200 with an HTML page; catch it before downloading it.
        if (type is "text/html" or "application/xhtml+xml")
            throw new RejectedResponseException($"the server sent an HTML page ({type}), not the .gz file");
        if (response.StatusCode != HttpStatusCode.PartialContent) return false;
        var range = response.Content.Headers.ContentRange;
        if (have == 0 || range?.From != have)
            throw new RejectedResponseException($"HTTP 206 with range {range?.ToString() ?? "(none)"} does not continue at byte {have:N0}");
        return true;
    }
}
