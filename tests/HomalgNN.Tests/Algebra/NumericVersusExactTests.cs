using HomalgNN.Algebra;
using HomalgNN.Algebra.Exact;
using HomalgNN.Algebra.Simplicial;
using HomalgNN.Tests.Fixtures;

namespace HomalgNN.Tests.Algebra;

/// <summary>The float64 route (SVD ranks) and the exact route (elimination over Q) must agree on integer complexes.</summary>
public class NumericVersusExactTests
{
    static ChainComplex Numeric(IntegerChainComplex c) =>
        ChainComplex.FromMaps(Enumerable.Range(0, c.Length).Select(i => c.Differential(i).ToDoubleArray()).ToArray());

    [Theory]
    [InlineData("sphere")]
    [InlineData("torus")]
    [InlineData("projective-plane")]
    public void SimplicialBoundaryMatrices_GiveTheExactBettiNumbersOverQ(string name)
    {
        var facets = name switch { "sphere" => Triangulations.TetrahedronBoundary, "torus" => Triangulations.Torus7, _ => Triangulations.ProjectivePlane6 };
        var exact = SimplicialComplex.FromFacets(facets).ToChainComplex();
        var numeric = Numeric(exact);
        Assert.Equal(exact.Homology(CoefficientField.Q).BettiNumbers, numeric.HomologyDimensions());
        Assert.Equal(exact.Ranks(CoefficientField.Q), numeric.Ranks);
        Assert.True(numeric.SatisfiesChainAxiom(1e-12));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomIntegerChainComplexes_AgreeBetweenTheRoutes(int seed)
    {
        // In adapted bases d_i sends the last r_i coordinates of C_(i+1) to the first r_i of C_i; d_(i+1) lands in the first
        // r_(i+1) coordinates of C_(i+1), which d_i does not read when r_i + r_(i+1) <= n_(i+1), so d_i d_(i+1) = 0.
        // Unimodular changes of basis U_j then hide the structure: d_i' = U_i d_i U_(i+1)^-1.
        var random = new Random(seed);
        int[] dims = [3 + random.Next(3), 5 + random.Next(3), 5 + random.Next(3), 3 + random.Next(3)];
        int k = dims.Length - 1;
        var ranks = new int[k];
        for (int i = 0; i < k; i++)
            ranks[i] = Math.Max(0, Math.Min(dims[i] - (i > 0 ? ranks[i - 1] : 0), dims[i + 1]) - random.Next(2));
        var bases = Enumerable.Range(0, dims.Length).Select(j => RandomMatrices.Unimodular(random, dims[j], 3 * dims[j])).ToArray();
        var maps = new long[k][,];
        for (int i = 0; i < k; i++)
        {
            var core = new long[dims[i], dims[i + 1]];
            for (int t = 0; t < ranks[i]; t++) core[t, dims[i + 1] - 1 - t] = 1 + random.Next(3);
            maps[i] = RandomMatrices.Multiply(RandomMatrices.Multiply(bases[i].U, core), bases[i + 1].Inverse);
        }
        var exact = new IntegerChainComplex(dims, maps);
        Assert.True(exact.SatisfiesChainAxiom(CoefficientField.Q), "construction broke d∘d = 0");
        var numeric = Numeric(exact);
        Assert.Equal(ranks, exact.Ranks(CoefficientField.Q));
        Assert.Equal(exact.Ranks(CoefficientField.Q), numeric.Ranks);
        Assert.Equal(exact.Homology(CoefficientField.Q).BettiNumbers, numeric.HomologyDimensions());
        Assert.Equal(exact.EulerCharacteristic, numeric.HomologyDimensions().Select((b, j) => j % 2 == 0 ? b : -b).Sum());
    }
}
