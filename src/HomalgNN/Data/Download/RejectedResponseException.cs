namespace HomalgNN.Data.Download;

/// <summary>A server answered, but not with the expected file (error status, HTML page, bad gzip, wrong checksum); its bytes must be discarded.</summary>
sealed class RejectedResponseException(string message) : Exception(message);
