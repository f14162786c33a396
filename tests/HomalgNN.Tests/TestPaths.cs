namespace HomalgNN.Tests;

/// <summary>Locations the tests need: the repository root, the shared data folder, a fresh temp folder.</summary>
public static class TestPaths
{
    /// <summary>The folder holding HomalgNN.slnx.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>../shared/data beside the repository (read-only MNIST test set).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>The folder with the real MNIST t10k files.</summary>
    public static string MnistFolder => Path.Combine(SharedData, "mnist");

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewTempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "homalg-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HomalgNN.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (HomalgNN.slnx) above " + AppContext.BaseDirectory);
    }
}
