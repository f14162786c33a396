namespace HomalgNN.Data;

/// <summary>One IDX file of a data set, with the MD5 of its decompressed content where known.</summary>
public sealed record IdxResource(string FileName, string? Md5);

/// <summary>A named data set in IDX format: where its files live and how it is split into train and test.</summary>
/// <param name="Name">The CLI name, e.g. "fashion-mnist".</param>
/// <param name="Description">One line for --help and `data list`.</param>
/// <param name="FolderNames">Sub-folders of a data root that may hold the files, in order ("" = the root itself).</param>
/// <param name="Files">Train images, train labels, test images, test labels (mnist-10k: only the test pair).</param>
/// <param name="HeldOutFromTest">Non-null for a data set carved from the test files: how many images go to the training part.</param>
public sealed record DatasetSpec(string Name, string Description, string[] FolderNames, IdxResource[] Files, int? HeldOutFromTest = null)
{
    /// <summary>Seed of the fixed stratified split of mnist-10k (independent of the training seed).</summary>
    public const int SplitSeed = 20251205;
}
