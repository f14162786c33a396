namespace HomalgNN.Data.Download;

/// <summary>How <see cref="DatasetDownloader"/> fetches: mirrors, timeout, retries.</summary>
public sealed record DownloadOptions
{
    /// <summary>Base URLs to use instead of the catalog's mirrors (e.g. from --mirror); null uses the catalog's.</summary>
    public IReadOnlyList<string>? Mirrors { get; init; }

    /// <summary>How long the server may stay silent (connecting, before the headers, or between chunks) before the attempt fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times each mirror is tried, in rounds over the mirror list.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Pause before the second round; doubled before each further round.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest body accepted; guards the disk against a server streaming garbage (the largest real file is 26 MB).</summary>
    public long MaxBytes { get; init; } = 256L << 20;
}
