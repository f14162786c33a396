namespace HomalgNN.Tests.Data.Fixtures;

/// <summary>Where the tests find ../shared/data (beside the repository, as on CI) and temporary folders.</summary>
public static class TestData
{
    /// <summary>The repository root: the folder above the test binaries that holds HomalgNN.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The real MNIST test set folder, ../shared/data/mnist from the repository root.</summary>
    public static string SharedMnist
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "mnist"));
            Assert.True(File.Exists(Path.Combine(dir, "t10k-labels-idx1-ubyte.gz")),
                $"the real MNIST test set is expected in {dir} (shared/ beside the clone, see shared/data/README.md)");
            return dir;
        }
    }

    /// <summary>The bytes of a file of the shared MNIST test set, e.g. "t10k-labels-idx1-ubyte.gz".</summary>
    public static byte[] SharedMnistFile(string name) => File.ReadAllBytes(Path.Combine(SharedMnist, name));

    /// <summary>A fresh empty folder under the system temp folder, deleted when disposed.</summary>
    public static TempFolder NewTempFolder() => new();

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HomalgNN.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no HomalgNN.slnx above {AppContext.BaseDirectory}");
    }
}

/// <summary>A temporary folder that deletes itself.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("homalg-test-").FullName;

    /// <summary>All files below the folder, as paths relative to it, sorted.</summary>
    public string[] Files() => Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
        .Select(f => System.IO.Path.GetRelativePath(Path, f)).Order().ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
