namespace HomalgNN.Data;

/// <summary>One IDX file of a data set, with the MD5 of its decompressed content where known.</summary>
/// <param name="FileName">The file's name without ".gz", e.g. "t10k-images-idx3-ubyte".</param>
/// <param name="Md5">MD5 of the decompressed IDX bytes: survives recompression, so it is the preferred check.</param>
public sealed record IdxResource(string FileName, string? Md5)
{
    /// <summary>MD5 of the .gz file as the catalog's mirrors serve it; recompressed copies differ, so this only vouches for mirror bytes.</summary>
    public string? GzipMd5 { get; init; }

    /// <summary>The IDX dimensions the file must have, e.g. [10000, 28, 28]; null accepts any.</summary>
    public int[]? Dimensions { get; init; }
}

/// <summary>A named data set in IDX format: where its files live and how it is split into train and test.</summary>
/// <param name="Name">The CLI name, e.g. "fashion-mnist".</param>
/// <param name="Description">One line for --help and `data list`.</param>
/// <param name="FolderNames">Sub-folders of a data root that may hold the files, in order ("" = the root itself); downloads go to the first.</param>
/// <param name="Files">Train images, train labels, test images, test labels (mnist-10k: only the test pair).</param>
/// <param name="HeldOutFromTest">Non-null for a data set carved from the test files: how many images go to the training part.</param>
public sealed record DatasetSpec(string Name, string Description, string[] FolderNames, IdxResource[] Files, int? HeldOutFromTest = null)
{
    /// <summary>Seed of the fixed stratified split of mnist-10k (independent of the training seed).</summary>
    public const int SplitSeed = 20251205;

    /// <summary>Base URLs that serve "&lt;file&gt;.gz", tried in turn by `data download`.</summary>
    public string[] Mirrors { get; init; } = [];
}
