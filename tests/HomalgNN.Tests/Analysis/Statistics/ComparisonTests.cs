using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Tests.Analysis.Statistics;

public class ComparisonTests
{
    private static ComparisonTable FiveAndSixSeeds() =>
        new Comparison()
            .Add("baseline", "entanglement", [1, 2, 3, 4, 5])
            .Add("chain", "entanglement", [2, 4, 6, 8, 10, 12])
            .Build();

    [Fact]
    public void Build_FiveSeedsPerArm_IntervalsChangeAndWelch()
    {
        // baseline: 3 +- t_{0.975,4} sqrt(2.5/5) = [1.0367568385224423, 4.9632431614775577];
        // chain: 7 +- t_{0.975,5} sqrt(14/6) = 7 +- 2.5705818356363155 * 1.5275252316519468 = [3.0733713860393508, 10.926628613960649];
        // change (7 - 3) / 3; Welch p = 0.049284338 (see WelchTestTests), below 0.05.
        var row = Assert.Single(FiveAndSixSeeds().Rows);

        Assert.Equal("entanglement", row.Metric);
        Assert.Equal(1.0367568385224423, row.Arms[0].Lower!.Value, 1e-12);
        Assert.Equal(4.9632431614775577, row.Arms[0].Upper!.Value, 1e-12);
        Assert.Equal(3.0733713860393508, row.Arms[1].Lower!.Value, 1e-12);
        Assert.Equal(10.926628613960649, row.Arms[1].Upper!.Value, 1e-12);
        var contrast = Assert.Single(row.Contrasts);
        Assert.Equal(4.0 / 3, contrast.RelativeChange!.Value, 1e-14);
        Assert.Equal(TestMethod.Welch, contrast.Test);
        Assert.Equal(0.049284338206730521, contrast.PValue!.Value, 1e-12);
        Assert.True(contrast.Significant);
    }

    [Fact]
    public void Build_OneSeedPerArm_SaysNoTestIsPossible()
    {
        var table = new Comparison()
            .Add("baseline", "entanglement", [0.157])
            .Add("chain", "entanglement", [0.132])
            .Build();

        var contrast = Assert.Single(Assert.Single(table.Rows).Contrasts);
        Assert.Equal(TestMethod.None, contrast.Test);
        Assert.Null(contrast.PValue);
        Assert.Null(contrast.Significant);
        Assert.Contains("no test possible", contrast.Note);
        Assert.Equal((0.132 - 0.157) / 0.157, contrast.RelativeChange!.Value, 1e-14);
        Assert.Contains("no test", table.ToMarkdown());
        Assert.Contains("\"pValue\": null", table.ToJson());
    }

    [Fact]
    public void Build_ThreeConstantSeedsPerArm_ExactPermutationThatCannotReachSignificance()
    {
        // The study's rank ratios 15/128 and 16/128, each seen on three seeds: Welch is undefined (zero variance),
        // the permutation test over C(6,3) = 20 splits gives p = 2/20 = 0.1 at best.
        var table = new Comparison()
            .Add("baseline", "rank ratio", [15.0 / 128, 15.0 / 128, 15.0 / 128])
            .Add("chain", "rank ratio", [16.0 / 128, 16.0 / 128, 16.0 / 128])
            .Build();

        var contrast = Assert.Single(Assert.Single(table.Rows).Contrasts);
        Assert.Equal(TestMethod.ExactPermutation, contrast.Test);
        Assert.Equal(0.1, contrast.PValue!.Value, 1e-15);
        Assert.False(contrast.Significant);
        Assert.Contains("unreachable", contrast.Note);
    }

    [Fact]
    public void Build_FourSeedsPerArm_UsesPermutation()
    {
        var contrast = new Comparison()
            .Add("a", "m", [1, 2, 3, 4])
            .Add("b", "m", [5, 6, 7, 8])
            .Build().Rows[0].Contrasts[0];

        Assert.Equal(TestMethod.ExactPermutation, contrast.Test);
        Assert.Equal(2.0 / 70, contrast.PValue!.Value, 1e-15);
        Assert.True(contrast.Significant);
    }

    [Fact]
    public void Build_MissingMetricInAnArm_ThrowsNamingIt()
    {
        var comparison = new Comparison().Add("a", "m", [1, 2]).Add("b", "other", [1, 2]);

        var error = Assert.Throws<InvalidOperationException>(comparison.Build);
        Assert.Contains("'b'", error.Message);
        Assert.Contains("'m'", error.Message);
    }

    [Fact]
    public void ToMarkdown_HasHeaderAndOneLinePerMetric()
    {
        var lines = FiveAndSixSeeds().ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("| metric | baseline: mean [95% CI] (n) | chain: mean [95% CI] (n) | chain vs baseline | p (chain) | p < 0.05 (chain) |", lines[0]);
        Assert.Equal("| entanglement | 3 [1.037, 4.963] (5) | 7 [3.073, 10.93] (6) | +133.3% | 0.0493 (Welch) | yes |", lines[2]);
        Assert.StartsWith("- entanglement, chain vs baseline: Welch t = 2.376", lines[3]);
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var table = FiveAndSixSeeds();

        var back = ComparisonTable.FromJson(table.ToJson());

        Assert.Equal(table.Arms, back.Arms);
        Assert.Equal(table.Rows[0].Contrasts[0], back.Rows[0].Contrasts[0]);
        Assert.Equal(table.Rows[0].Arms, back.Rows[0].Arms);
        Assert.Contains("\"test\": \"Welch\"", table.ToJson());
    }
}
