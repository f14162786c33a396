namespace HomalgNN.Data;

/// <summary>How far a file on disk could be confirmed to be the catalog's file.</summary>
public enum VerificationStatus
{
    /// <summary>Valid IDX of the expected dimensions, and a known MD5 matches.</summary>
    Verified,
    /// <summary>Valid IDX of the expected dimensions, but no known MD5 applies (e.g. a recompressed KMNIST file).</summary>
    StructureOnly,
    /// <summary>Not valid IDX, wrong dimensions, or a known MD5 does not match.</summary>
    Invalid,
}

/// <summary>The verdict on one file of a data set: status, a short explanation (without the path), and its IDX dimensions when readable.</summary>
public sealed record FileVerification(IdxResource Resource, string Path, VerificationStatus Status, string Detail, int[]? Dimensions)
{
    /// <summary>Judges measured <paramref name="facts"/> of <paramref name="path"/> against the catalog's <paramref name="resource"/>.</summary>
    /// <remarks>The decompressed MD5 is preferred because it survives recompression; the .gz MD5 only vouches for a mirror's bytes.</remarks>
    public static FileVerification Judge(IdxResource resource, string path, IdxFileFacts facts)
    {
        FileVerification Result(VerificationStatus s, string detail) => new(resource, path, s, detail, facts.Dimensions);
        if (facts.Fault != null) return Result(VerificationStatus.Invalid, facts.Fault);
        if (resource.Dimensions is { } want && !want.SequenceEqual(facts.Dimensions!))
            return Result(VerificationStatus.Invalid, $"IDX dimensions {Shape(facts.Dimensions!)}, expected {Shape(want)}");
        if (resource.Md5 != null)
            return facts.Md5 == resource.Md5
                ? Result(VerificationStatus.Verified, "MD5 of the content matches")
                : Result(VerificationStatus.Invalid, $"MD5 of the decompressed content is {facts.Md5}, expected {resource.Md5}");
        if (resource.GzipMd5 != null && facts.GzipMd5 == resource.GzipMd5)
            return Result(VerificationStatus.Verified, "MD5 of the .gz matches the mirror's");
        return Result(VerificationStatus.StructureOnly, resource.GzipMd5 == null
            ? "IDX structure valid; no checksum known"
            : $"IDX structure valid; the file is not the mirror's .gz (MD5 {facts.GzipMd5 ?? "of a raw file"}), and no checksum of the content is known");
    }

    static string Shape(int[] dims) => string.Join("x", dims);
}
