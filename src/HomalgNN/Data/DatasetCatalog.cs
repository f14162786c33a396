namespace HomalgNN.Data;

/// <summary>The data sets homalg-nn knows by name, with checksums and download mirrors.</summary>
/// <remarks>
/// Md5 is over the decompressed IDX bytes, so it holds for any gzip of the same content (Debian's and
/// ../shared/data's copies are recompressed). GzipMd5 is the mirrors' own .gz (torchvision's resource lists;
/// Fashion-MNIST's README). KMNIST's decompressed MD5s are not established: its files are checked by
/// GzipMd5 and by their IDX dimensions.
/// </remarks>
public static class DatasetCatalog
{
    static readonly string[] MnistMirrors = ["https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"];
    static readonly string[] MnistFolders = ["mnist", "MNIST/raw", "MNIST", ""];

    static readonly IdxResource MnistTestImages = TestImages("2646ac647ad5339dbf082846283269ea", "9fb629c4189551a2d022fa330f9573f3");
    static readonly IdxResource MnistTestLabels = TestLabels("27ae3e4e09519cfbb04c329615203637", "ec29112dd5afa0611ce80d1b7f02629c");

    /// <summary>Full MNIST: 60,000 training and 10,000 test digits.</summary>
    public static readonly DatasetSpec Mnist = new("mnist", "MNIST handwritten digits, 60,000 train + 10,000 test", MnistFolders,
        [TrainImages("6bbc9ace898e44ae57da46a324031adb", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
         TrainLabels("a25bea736e30d166cdddb491f175f624", "d53e105ee54ea40749a09fcbcd1e9432"),
         MnistTestImages, MnistTestLabels])
    { Mirrors = MnistMirrors };

    /// <summary>Fashion-MNIST: 60,000 training and 10,000 test clothing images.</summary>
    public static readonly DatasetSpec FashionMnist = new("fashion-mnist", "Fashion-MNIST clothing images, 60,000 train + 10,000 test",
        ["fashion-mnist", "FashionMNIST/raw", "FashionMNIST", "fashion_mnist"],
        [TrainImages("f4a8712d7a061bf5bd6d2ca38dc4d50a", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
         TrainLabels("9018921c3c673c538a1fc5bad174d6f9", "25c81989df183df01b3e8a0aad5dffbe"),
         TestImages("8181f5470baa50b63fa0f6fddb340f0a", "bef4ecab320f06d8554ea6380940ec79"),
         TestLabels("15d484375f8d13e6eb1aabb0c3f46965", "bb300cfdad3c16e7a12a480ee83cd310")])
    { Mirrors = ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"] };

    /// <summary>The real MNIST test set split by a fixed, seeded, stratified split into 8,000 train and 2,000 test images.</summary>
    public static readonly DatasetSpec Mnist10k = new("mnist-10k",
        "the MNIST test set (t10k-* files) split 8,000 train / 2,000 test by a fixed seeded stratified split",
        MnistFolders, [MnistTestImages, MnistTestLabels], HeldOutFromTest: 8000)
    { Mirrors = MnistMirrors };

    /// <summary>Kuzushiji-MNIST: 60,000 training and 10,000 test cursive Japanese characters in 10 classes.</summary>
    public static readonly DatasetSpec Kmnist = new("kmnist", "Kuzushiji-MNIST cursive hiragana, 10 classes, 60,000 train + 10,000 test",
        ["kmnist", "KMNIST/raw", "KMNIST"],
        [TrainImages(null, "bdb82020997e1d708af4cf47b453dcf7"),
         TrainLabels(null, "e144d726b3acfaa3e44228e80efcd344"),
         TestImages(null, "5c965bf0a639b31b8f53240b1b52f4d7"),
         TestLabels(null, "7320c461ea6c1c855c0b718fb2a4b134")])
    { Mirrors = ["http://codh.rois.ac.jp/kmnist/dataset/kmnist/"] };

    /// <summary>All known data sets, in the order the default choice tries them.</summary>
    public static IReadOnlyList<DatasetSpec> All { get; } = [Mnist, FashionMnist, Mnist10k, Kmnist];

    /// <summary>The data set called <paramref name="name"/>; the error lists the allowed names.</summary>
    public static DatasetSpec Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown dataset '{name}'; choose one of: {string.Join(", ", All.Select(d => d.Name))}");

    // All four data sets share MNIST's file names and shapes: 28x28 images, 60,000 train and 10,000 test.
    static IdxResource TrainImages(string? md5, string gzipMd5) => new("train-images-idx3-ubyte", md5) { GzipMd5 = gzipMd5, Dimensions = [60000, 28, 28] };
    static IdxResource TrainLabels(string? md5, string gzipMd5) => new("train-labels-idx1-ubyte", md5) { GzipMd5 = gzipMd5, Dimensions = [60000] };
    static IdxResource TestImages(string? md5, string gzipMd5) => new("t10k-images-idx3-ubyte", md5) { GzipMd5 = gzipMd5, Dimensions = [10000, 28, 28] };
    static IdxResource TestLabels(string? md5, string gzipMd5) => new("t10k-labels-idx1-ubyte", md5) { GzipMd5 = gzipMd5, Dimensions = [10000] };
}
