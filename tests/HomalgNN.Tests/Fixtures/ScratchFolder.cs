namespace HomalgNN.Tests.Fixtures;

/// <summary>A fresh temporary folder for generated fixture files, deleted on dispose.</summary>
public sealed class ScratchFolder : IDisposable
{
    /// <summary>The folder (created by <see cref="TestPaths.NewTempFolder"/>).</summary>
    public string Path { get; } = TestPaths.NewTempFolder();

    /// <summary>Writes text to a file in the folder and returns its path.</summary>
    public string WriteText(string name, string text)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Writes bytes to a file in the folder and returns its path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>The path a file of that name would have in the folder.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } // leftovers in /tmp are harmless
    }
}
