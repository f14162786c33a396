namespace HomalgNN.Data.Download;

/// <summary>Every mirror and retry failed for a file; the one-line message names each URL and its fault.</summary>
public sealed class DownloadFailedException(string message) : Exception(message);
