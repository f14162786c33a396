namespace HomalgNN.Data;

/// <summary>Labelled greyscale images (bytes 0..255, row-major, Height x Width each) with labels 0..ClassCount-1.</summary>
public sealed class ImageDataset
{
    /// <summary>Creates a data set; the arrays are taken as they are (callers pass fresh copies).</summary>
    public ImageDataset(string name, byte[] pixels, byte[] labels, int height, int width)
    {
        if (height <= 0 || width <= 0) throw new ArgumentException($"{name}: image size {height}x{width} is not positive");
        if (pixels.Length != (long)labels.Length * height * width)
            throw new ArgumentException($"{name}: {pixels.Length} pixel bytes do not make {labels.Length} images of {height}x{width}");
        Name = name; Pixels = pixels; Labels = labels; Height = height; Width = width;
        ClassCount = labels.Length == 0 ? 0 : labels.Max() + 1;
    }

    /// <summary>A name for messages and results.</summary>
    public string Name { get; }
    /// <summary>All pixels, image after image.</summary>
    public byte[] Pixels { get; }
    /// <summary>One label per image.</summary>
    public byte[] Labels { get; }
    /// <summary>Rows per image.</summary>
    public int Height { get; }
    /// <summary>Columns per image.</summary>
    public int Width { get; }
    /// <summary>Largest label + 1.</summary>
    public int ClassCount { get; }
    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;
    /// <summary>Pixels per image.</summary>
    public int Features => Height * Width;

    /// <summary>Reads an images file and a labels file (IDX, gzip or raw) and checks that they agree.</summary>
    public static ImageDataset FromIdx(string name, string imagesPath, string labelsPath)
    {
        var images = IdxFile.Read(imagesPath, expectedRank: 3);
        var labels = IdxFile.Read(labelsPath, expectedRank: 1);
        if (images.Dimensions[0] != labels.Dimensions[0])
            throw new InvalidDataException($"{imagesPath}: {images.Dimensions[0]} images but {labelsPath} has {labels.Dimensions[0]} labels");
        int bad = Array.FindIndex(labels.Values, l => l > 9);
        if (bad >= 0) throw new InvalidDataException($"{labelsPath}: label {labels.Values[bad]} at index {bad} is outside 0..9");
        return new ImageDataset(name, images.Values, labels.Values, images.Dimensions[1], images.Dimensions[2]);
    }

    /// <summary>The images at <paramref name="indices"/>, in that order, as a new data set.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices, string? name = null)
    {
        int f = Features;
        var pixels = new byte[indices.Count * f];
        var labels = new byte[indices.Count];
        for (int j = 0; j < indices.Count; j++)
        {
            int i = indices[j];
            if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} outside 0..{Count - 1}");
            Buffer.BlockCopy(Pixels, i * f, pixels, j * f, f);
            labels[j] = Labels[i];
        }
        return new ImageDataset(name ?? Name, pixels, labels, Height, Width);
    }

    /// <summary>The first <paramref name="n"/> images of a seeded stratified shuffle (every class kept in proportion).</summary>
    public ImageDataset Take(int n, int seed)
    {
        if (n >= Count) return this;
        var (first, _) = StratifiedSplit.Indices(Labels, n, seed);
        return Subset(first, Name);
    }
}
