using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Algebra;

/// <summary>
/// A real chain complex C_0 &lt;- C_1 &lt;- ... &lt;- C_k with C_j = R^{n_j} and boundary maps d_i : C_{i+1} -> C_i
/// (n_i x n_{i+1} matrices, i = 0..k-1), computed numerically in float64 with a singular-value tolerance.
/// </summary>
/// <remarks>The chain axiom d_i d_{i+1} = 0 is not required: the study's networks violate it, and its Betti numbers are still defined.</remarks>
public sealed class ChainComplex
{
    readonly double[][,] _maps;
    readonly MapSpectrum?[] _spectra;
    int[]? _betti;

    ChainComplex(double[][,] maps, Tolerance tolerance)
    {
        _maps = maps;
        _spectra = new MapSpectrum?[maps.Length];
        Tolerance = tolerance;
        Dimensions = new int[maps.Length + 1];
        Dimensions[0] = maps[0].GetLength(0);
        for (int i = 0; i < maps.Length; i++) Dimensions[i + 1] = maps[i].GetLength(1);
    }

    /// <summary>Builds the complex from its boundary maps d_0..d_{k-1}; checks shapes and finiteness and copies the inputs.</summary>
    public static ChainComplex FromMaps(IReadOnlyList<double[,]> maps, Tolerance? tolerance = null)
    {
        Validate(maps);
        return new ChainComplex(maps.Select(Matrix.Copy).ToArray(), tolerance ?? Tolerance.Default);
    }

    static void Validate(IReadOnlyList<double[,]> maps)
    {
        if (maps.Count == 0) throw new ArgumentException("a chain complex needs at least one boundary map");
        for (int i = 0; i < maps.Count; i++)
        {
            var m = maps[i] ?? throw new ArgumentNullException(nameof(maps), $"d_{i} is null");
            if (m.GetLength(0) == 0 || m.GetLength(1) == 0) throw new ArgumentException($"d_{i} has an empty shape {m.GetLength(0)}x{m.GetLength(1)}");
            if (i > 0 && maps[i - 1].GetLength(1) != m.GetLength(0))
                throw new ArgumentException($"d_{i - 1} is {maps[i - 1].GetLength(0)}x{maps[i - 1].GetLength(1)} but d_{i} is {m.GetLength(0)}x{m.GetLength(1)}: d_{i} must have {maps[i - 1].GetLength(1)} rows");
            Matrix.EnsureFinite(m, $"d_{i}");
        }
    }

    /// <summary>Builds the complex from float tensors (copied; any floating dtype), e.g. a trained chain module's maps.</summary>
    public static ChainComplex FromTensors(IReadOnlyList<Tensor> maps, Tolerance? tolerance = null)
    {
        // ToMatrix already copies: validate the copies and keep them, rather than copying them once more.
        var copies = maps.Select(TensorBridge.ToMatrix).ToArray();
        Validate(copies);
        return new ChainComplex(copies, tolerance ?? Tolerance.Default);
    }

    /// <summary>Builds the complex of dimensions <paramref name="dims"/> whose maps are all zero.</summary>
    public static ChainComplex Zero(IReadOnlyList<int> dims, Tolerance? tolerance = null) =>
        FromMaps(Enumerable.Range(0, dims.Count - 1).Select(i => new double[dims[i], dims[i + 1]]).ToArray(), tolerance);

    /// <summary>[n_0, ..., n_k].</summary>
    public int[] Dimensions { get; }

    /// <summary>k, the number of boundary maps.</summary>
    public int Length => _maps.Length;

    /// <summary>The tolerance that decides numerical rank.</summary>
    public Tolerance Tolerance { get; }

    /// <summary>A copy of d_i.</summary>
    public double[,] BoundaryMap(int i) => Matrix.Copy(_maps[CheckMap(i)]);

    /// <summary>The SVD of d_i with its rank, kernel, image and cokernel bases.</summary>
    /// <remarks>Every map but the top one is decomposed with its bases, which Betti numbers and defects need; the top map's bases wait until asked for.</remarks>
    public MapSpectrum Spectrum(int i) => _spectra[CheckMap(i)] ??= new MapSpectrum(_maps[i], Tolerance, withVectors: i < Length - 1);

    /// <summary>rank d_i for every map.</summary>
    public int[] Ranks => Enumerable.Range(0, Length).Select(i => Spectrum(i).Rank).ToArray();

    /// <summary>dim ker d_i for every map.</summary>
    public int[] Nullities => Enumerable.Range(0, Length).Select(i => Spectrum(i).Nullity).ToArray();

    /// <summary>Orthonormal basis of ker d_i (columns).</summary>
    public double[,] Kernel(int i) => Matrix.Copy(Spectrum(i).Kernel);

    /// <summary>Orthonormal basis of im d_i (columns).</summary>
    public double[,] Image(int i) => Matrix.Copy(Spectrum(i).Image);

    /// <summary>
    /// The study's Betti vector, one number per map: b_i = dim of the part of ker d_i not covered by im d_{i+1},
    /// i.e. homology at C_{i+1} (the top map's image is 0). The cokernel at C_0 is not included; see <see cref="HomologyDimensions"/>.
    /// </summary>
    public int[] BettiNumbers() => (int[])(_betti ??= Enumerable.Range(0, Length).Select(ResidualCount).ToArray()).Clone();

    /// <summary>dim H(C_j) for j = 0..k: the cokernel of d_0 at C_0, then the study's Betti numbers at C_1..C_k.</summary>
    public int[] HomologyDimensions() => [Spectrum(0).Cokernel.GetLength(1), .. BettiNumbers()];

    /// <summary>Orthonormal basis (columns) of the homology part at C_j, j = 0..k: the directions counted by dim H(C_j).</summary>
    public double[,] HomologyGenerators(int j)
    {
        if (j < 0 || j > Length) throw new ArgumentOutOfRangeException(nameof(j), $"space index must be in 0..{Length}, got {j}");
        return j == 0 ? Matrix.Copy(Spectrum(0).Cokernel) : ResidualGenerators(j - 1);
    }

    /// <summary>True when H(C_j) = 0 numerically, j = 0..k.</summary>
    public bool IsExactAt(int j) => HomologyDimensions()[j] == 0;

    /// <summary>True when the complex is exact at every C_j (including C_0 and C_k).</summary>
    public bool IsExact => HomologyDimensions().All(b => b == 0);

    /// <summary>The exactness defect between ker d_i and im d_{i+1} at each interior position i = 0..k-2.</summary>
    public double[] ExactnessDefects(DefectMethod method = DefectMethod.SubspaceDistance)
    {
        var defects = new double[Math.Max(0, Length - 1)];
        for (int i = 0; i < defects.Length; i++)
        {
            using var scope = torch.NewDisposeScope();
            defects[i] = Subspaces.Defect(TensorBridge.ToTensor(Spectrum(i).Kernel), TensorBridge.ToTensor(Spectrum(i + 1).Image), method);
        }
        return defects;
    }

    /// <summary>||d_i d_{i+1}||_F for i = 0..k-2: zero exactly when the chain axiom holds.</summary>
    public double[] ChainAxiomNorms()
    {
        var norms = new double[Math.Max(0, Length - 1)];
        for (int i = 0; i < norms.Length; i++)
        {
            using var scope = torch.NewDisposeScope();
            norms[i] = TensorBridge.ToTensor(_maps[i]).matmul(TensorBridge.ToTensor(_maps[i + 1])).norm().ToDouble();
        }
        return norms;
    }

    /// <summary>True when every ||d_i d_{i+1}||_F is at most <paramref name="tolerance"/>.</summary>
    public bool SatisfiesChainAxiom(double tolerance = 1e-9) => ChainAxiomNorms().All(n => n <= tolerance);

    /// <summary>sum (-1)^j n_j: for a genuine chain complex, also the alternating sum of the homology dimensions.</summary>
    public int EulerCharacteristic => Dimensions.Select((n, j) => j % 2 == 0 ? n : -n).Sum();

    int CheckMap(int i) =>
        i >= 0 && i < Length ? i : throw new ArgumentOutOfRangeException(nameof(i), $"map index must be in 0..{Length - 1}, got {i}");

    /// <summary>
    /// The study's count at C_{i+1}: the columns of K - P_im(d_{i+1}) K (K an orthonormal basis of ker d_i) whose QR pivot
    /// |R_jj| exceeds eps. Nothing is left when ker d_i is 0 or im d_{i+1} is all of C_{i+1}; all of K when im d_{i+1} is 0.
    /// </summary>
    int ResidualCount(int i)
    {
        int nk = Spectrum(i).Nullity;
        if (nk == 0) return 0;
        if (i == Length - 1 || Spectrum(i + 1).Rank == 0) return nk;
        if (Spectrum(i + 1).IsSurjective) return 0;
        using var scope = torch.NewDisposeScope();
        var (_, r) = torch.linalg.qr(Residual(i));
        return (int)r.diagonal().abs().gt(Tolerance.Value).sum().item<long>();
    }

    Tensor Residual(int i)
    {
        var k = TensorBridge.ToTensor(Spectrum(i).Kernel);
        var im = TensorBridge.ToTensor(Spectrum(i + 1).Image);
        return k - im.matmul(im.T.matmul(k));
    }

    /// <summary>Orthonormal directions of the counted part: the leading left singular vectors of the residual.</summary>
    double[,] ResidualGenerators(int i)
    {
        int count = BettiNumbers()[i];
        int n = Spectrum(i).Columns;
        if (count == 0) return new double[n, 0];
        if (i == Length - 1 || Spectrum(i + 1).Rank == 0) return Matrix.Copy(Spectrum(i).Kernel);
        using var scope = torch.NewDisposeScope();
        var (u, _, _) = torch.linalg.svd(Residual(i), fullMatrices: false);
        return TensorBridge.ToMatrix(u[.., ..count]);
    }
}
