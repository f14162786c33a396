using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Tests.Analysis.Statistics;

public class PermutationTestTests
{
    [Fact]
    public void Compute_ThreeVersusThreeFullySeparated_PIsTwoOfTwenty()
    {
        // C(6,3) = 20 splits; only {4,5,6} and {1,2,3} as the second group reach |difference| = 3.
        var outcome = PermutationTest.Compute([1, 2, 3], [4, 5, 6]);

        Assert.Equal(TestMethod.ExactPermutation, outcome.Method);
        Assert.Equal(20, outcome.Arrangements);
        Assert.Equal(3, outcome.Statistic, 1e-14);
        Assert.Equal(0.1, outcome.PValue, 1e-15);
        Assert.Equal(0.1, outcome.SmallestAttainablePValue!.Value, 1e-15);
    }

    [Fact]
    public void Compute_FourVersusFour_PIsTwoOfSeventy()
    {
        var outcome = PermutationTest.Compute([1, 2, 3, 4], [5, 6, 7, 8]);

        Assert.Equal(2.0 / 70, outcome.PValue, 1e-15);
    }

    [Fact]
    public void Compute_CountsTiesAsExtreme()
    {
        // Pool (0, 0, 1, 1) split 2/2: differences are +-1 (2 splits) and 0 (4 splits). Observed (0,1) vs (0,1)
        // has difference 0, so every split is at least as extreme: p = 1.
        var outcome = PermutationTest.Compute([0, 1], [0, 1]);

        Assert.Equal(1.0, outcome.PValue);
    }

    [Fact]
    public void Compute_MonteCarlo_ApproachesExactAndIsSeeded()
    {
        var first = PermutationTest.Compute([1, 2, 3, 4], [5, 6, 7, 8], seed: 3, exactLimit: 0);
        var again = PermutationTest.Compute([1, 2, 3, 4], [5, 6, 7, 8], seed: 3, exactLimit: 0);

        Assert.Equal(TestMethod.MonteCarloPermutation, first.Method);
        Assert.Equal(first.PValue, again.PValue);
        Assert.Equal(2.0 / 70, first.PValue, 0.003); // binomial sd sqrt(0.0286 * 0.97 / 1e5) = 0.0005
    }
}
