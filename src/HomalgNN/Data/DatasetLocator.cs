namespace HomalgNN.Data;

/// <summary>Finds data sets on disk: --data-dir, else $HOMALG_DATA, ./data, ~/.cache/homalg-nn, /usr/share/datasets, ../shared/data.</summary>
public static class DatasetLocator
{
    /// <summary>The environment variable naming a data root.</summary>
    public const string EnvironmentVariable = "HOMALG_DATA";

    /// <summary>The roots searched, in order. An explicit <paramref name="dataDir"/> is the only root.</summary>
    public static IReadOnlyList<string> SearchRoots(string? dataDir)
    {
        if (!string.IsNullOrWhiteSpace(dataDir)) return [Path.GetFullPath(dataDir)];
        var roots = new List<string>();
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) roots.Add(Path.GetFullPath(env));
        roots.Add(Path.GetFullPath("data"));
        roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "homalg-nn"));
        roots.Add("/usr/share/datasets");
        // Where this project's developers and CI keep the real MNIST test set.
        roots.Add(Path.GetFullPath(Path.Combine("..", "shared", "data")));
        return roots.Distinct().ToList();
    }

    /// <summary>Where downloads go: <paramref name="dataDir"/>, else $HOMALG_DATA, else ~/.cache/homalg-nn (all searched by <see cref="SearchRoots"/>).</summary>
    public static string DownloadRoot(string? dataDir)
    {
        if (!string.IsNullOrWhiteSpace(dataDir)) return Path.GetFullPath(dataDir);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "homalg-nn");
    }

    /// <summary>The folder that `data download` fills for <paramref name="spec"/>: its first folder name under <see cref="DownloadRoot"/>.</summary>
    public static string DownloadFolder(DatasetSpec spec, string? dataDir) => Path.Combine(DownloadRoot(dataDir), spec.FolderNames[0]);

    /// <summary>The folder holding all of <paramref name="spec"/>'s files, or null.</summary>
    public static string? FindFolder(DatasetSpec spec, string? dataDir)
    {
        foreach (var root in SearchRoots(dataDir))
            foreach (var sub in spec.FolderNames)
            {
                var folder = sub.Length == 0 ? root : Path.Combine(root, sub);
                if (spec.Files.All(f => ResolveFile(folder, f.FileName) != null)) return folder;
            }
        return null;
    }

    /// <summary>The path of <paramref name="fileName"/> or <paramref name="fileName"/>.gz in <paramref name="folder"/>, or null.</summary>
    public static string? ResolveFile(string folder, string fileName)
    {
        foreach (var candidate in new[] { fileName + ".gz", fileName })
        {
            var p = Path.Combine(folder, candidate);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The first of mnist, fashion-mnist, mnist-10k found locally.</summary>
    public static DatasetSpec DefaultDataset(string? dataDir) =>
        DatasetCatalog.All.FirstOrDefault(d => FindFolder(d, dataDir) != null)
        ?? throw NotFound("no data set (mnist, fashion-mnist or mnist-10k)", dataDir);

    /// <summary>Loads a data set's train and test parts; mnist-10k is split 8,000 / 2,000 by a fixed seed.</summary>
    public static DataSplit Load(DatasetSpec spec, string? dataDir) =>
        LoadFolder(spec, FindFolder(spec, dataDir) ?? throw NotFound($"data set '{spec.Name}' not", dataDir));

    /// <summary>Loads a data set from the folder that holds its files (e.g. the data_folder a run recorded).</summary>
    public static DataSplit LoadFolder(DatasetSpec spec, string folder)
    {
        if (!spec.Files.All(f => ResolveFile(folder, f.FileName) != null))
            throw new DataNotFoundException($"data set '{spec.Name}' is no longer complete in {folder}");
        string Path(int i) => ResolveFile(folder, spec.Files[i].FileName)!;
        if (spec.HeldOutFromTest is int trainCount)
        {
            var all = ImageDataset.FromIdx(spec.Name, Path(0), Path(1));
            var (train, test) = StratifiedSplit.Indices(all.Labels, trainCount, DatasetSpec.SplitSeed);
            return new DataSplit(spec, folder, all.Subset(train, spec.Name + "/train"), all.Subset(test, spec.Name + "/test"));
        }
        return new DataSplit(spec, folder,
            ImageDataset.FromIdx(spec.Name + "/train", Path(0), Path(1)),
            ImageDataset.FromIdx(spec.Name + "/test", Path(2), Path(3)));
    }

    static DataNotFoundException NotFound(string what, string? dataDir) => new(
        $"{what} found in {string.Join(", ", SearchRoots(dataDir))}. " +
        "Get one with `./homalg data download fashion-mnist` (or `apt-get install dataset-fashion-mnist` on Debian/Ubuntu), " +
        $"or point --data-dir or ${EnvironmentVariable} at a folder holding the IDX files (e.g. the folder with t10k-images-idx3-ubyte.gz for mnist-10k).");
}

/// <summary>A loaded data set: where it came from and its training and test parts.</summary>
public sealed record DataSplit(DatasetSpec Spec, string Folder, ImageDataset Train, ImageDataset Test);
