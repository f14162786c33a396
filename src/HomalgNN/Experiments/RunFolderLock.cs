namespace HomalgNN.Experiments;

/// <summary>
/// An exclusive lock on a run folder for the life of a training run, so that two processes never write (and resume) the same
/// run at once: the second one stops with a one-line error instead of interleaving checkpoints and results.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    /// <summary>Name of the lock file in a run folder (removed when the run ends).</summary>
    public const string FileName = "run.lock";

    readonly FileStream _stream;
    readonly string _path;

    RunFolderLock(FileStream stream, string path) => (_stream, _path) = (stream, path);

    /// <summary>Takes the lock of <paramref name="folder"/> (created if missing).</summary>
    /// <exception cref="IOException">Another process holds it.</exception>
    public static RunFolderLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        try
        {
            // FileShare.None is an exclusive advisory lock on Unix as well, held until the stream is closed (or the process dies).
            return new RunFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException e)
        {
            throw new IOException($"{folder} is being trained by another homalg process ({FileName} is locked); wait for it or use another --out", e);
        }
    }

    /// <summary>Releases the lock and removes the file.</summary>
    public void Dispose()
    {
        File.Delete(_path);
        _stream.Dispose();
    }
}
