namespace HomalgNN.Data;

/// <summary>The data sets homalg-nn knows by name.</summary>
public static class DatasetCatalog
{
    static readonly IdxResource MnistTestImages = new("t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea");
    static readonly IdxResource MnistTestLabels = new("t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637");

    /// <summary>Full MNIST: 60,000 training and 10,000 test digits.</summary>
    public static readonly DatasetSpec Mnist = new("mnist", "MNIST handwritten digits, 60,000 train + 10,000 test",
        ["mnist", "MNIST/raw", "MNIST", ""],
        [new("train-images-idx3-ubyte", null), new("train-labels-idx1-ubyte", null), MnistTestImages, MnistTestLabels]);

    /// <summary>Fashion-MNIST: 60,000 training and 10,000 test clothing images.</summary>
    public static readonly DatasetSpec FashionMnist = new("fashion-mnist", "Fashion-MNIST clothing images, 60,000 train + 10,000 test",
        ["fashion-mnist", "FashionMNIST/raw", "FashionMNIST", "fashion_mnist"],
        [new("train-images-idx3-ubyte", null), new("train-labels-idx1-ubyte", null), new("t10k-images-idx3-ubyte", null), new("t10k-labels-idx1-ubyte", null)]);

    /// <summary>The real MNIST test set split by a fixed, seeded, stratified split into 8,000 train and 2,000 test images.</summary>
    public static readonly DatasetSpec Mnist10k = new("mnist-10k",
        "the MNIST test set (t10k-* files) split 8,000 train / 2,000 test by a fixed seeded stratified split",
        ["mnist", "MNIST/raw", "MNIST", ""], [MnistTestImages, MnistTestLabels], HeldOutFromTest: 8000);

    /// <summary>All known data sets, in the order the default choice tries them.</summary>
    public static IReadOnlyList<DatasetSpec> All { get; } = [Mnist, FashionMnist, Mnist10k];

    /// <summary>The data set called <paramref name="name"/>; the error lists the allowed names.</summary>
    public static DatasetSpec Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown dataset '{name}'; choose one of: {string.Join(", ", All.Select(d => d.Name))}");
}
