namespace HomalgNN.Data.Download;

/// <summary>A server answered, but not with the expected file (error status, HTML page, bad gzip, wrong checksum); its bytes must be discarded.</summary>
/// <param name="message">The fault, without the URL.</param>
/// <param name="permanent">True when asking the same mirror again cannot help (HTTP 404 or 410).</param>
sealed class RejectedResponseException(string message, bool permanent = false) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}
