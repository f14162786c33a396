namespace HomalgNN.Data.Download;

/// <summary>Receives what <see cref="DatasetDownloader"/> does, file by file, for display; every method may be a no-op.</summary>
public interface IDownloadProgress
{
    /// <summary>An existing file passed verification, so it is kept and not fetched.</summary>
    void Skipped(FileVerification existing);

    /// <summary>An existing file failed verification and will be fetched again.</summary>
    void Replacing(FileVerification existing);

    /// <summary>A request for <paramref name="url"/> was answered; the body is being written from <paramref name="offset"/> (non-zero when resuming).</summary>
    /// <param name="resource">The file being fetched.</param>
    /// <param name="url">Where it comes from.</param>
    /// <param name="offset">Bytes already present from an earlier, interrupted transfer.</param>
    /// <param name="totalBytes">The full size of the .gz when the server says, else null.</param>
    void Started(IdxResource resource, Uri url, long offset, long? totalBytes);

    /// <summary><paramref name="received"/> bytes of the .gz are now on disk (including any resumed part).</summary>
    void Advanced(IdxResource resource, long received);

    /// <summary>An attempt on <paramref name="url"/> failed; <paramref name="fault"/> says why. Another attempt may follow.</summary>
    void Failed(IdxResource resource, Uri url, string fault);

    /// <summary>The file was fetched, verified and moved to its final name.</summary>
    void Completed(FileVerification verification, Uri url);
}
