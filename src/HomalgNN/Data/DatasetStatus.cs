namespace HomalgNN.Data;

/// <summary>Whether a data set is on disk, where, how well its files verify, and its train/test sizes.</summary>
/// <param name="Spec">The catalog entry.</param>
/// <param name="Folder">The folder holding all its files, or null when missing.</param>
/// <param name="Files">One verdict per file (empty when missing).</param>
/// <param name="TrainCount">Images in the training part (mnist-10k: after the split), or null when unknown.</param>
/// <param name="TestCount">Images in the test part, or null when unknown.</param>
public sealed record DatasetStatus(DatasetSpec Spec, string? Folder, IReadOnlyList<FileVerification> Files, int? TrainCount, int? TestCount)
{
    /// <summary>True when every file was found.</summary>
    public bool Present => Folder != null;

    /// <summary>The weakest verdict over the files; null when missing.</summary>
    public VerificationStatus? Status => Present ? Files.Max(f => f.Status) : null;

    /// <summary>The command that downloads this data set.</summary>
    public string DownloadCommand => $"./homalg data download {Spec.Name}";

    /// <summary>Finds <paramref name="spec"/> as <see cref="DatasetLocator"/> would and verifies each file (through <paramref name="cache"/>).</summary>
    public static DatasetStatus Inspect(DatasetSpec spec, string? dataDir, VerificationCache cache)
    {
        var folder = DatasetLocator.FindFolder(spec, dataDir);
        if (folder == null) return new DatasetStatus(spec, null, [], null, null);
        var files = spec.Files.Select(r =>
        {
            var path = DatasetLocator.ResolveFile(folder, r.FileName)!;
            return FileVerification.Judge(r, path, cache.Measure(path));
        }).ToList();
        int? Count(int i) => files[i].Dimensions?[0];
        if (spec.HeldOutFromTest is int train)
            return new DatasetStatus(spec, folder, files, Count(0) is null ? null : train, Count(0) - train);
        return new DatasetStatus(spec, folder, files, Count(0), Count(2));
    }
}
