using System.Text.Json;
using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class RepresentationSummaryTests
{
    [Fact]
    public void Compute_FerCombinesTheThreeMetrics()
    {
        // Four Gaussian units plus copies of the first two: rank 4 of 6, entangled copies, overlapping classes,
        // so each of the three factors lies strictly between 0 and 1.
        var (features, labels) = Synthetic.Clusters(150, 4, 3, separation: 0.5, seed: 11);
        var withCopies = Synthetic.Columns(features, 0, 1, 2, 3, 0, 1);

        var summary = RepresentationSummary.Compute(Representation.FromMatrix(withCopies), labels);

        Assert.Equal(4.0 / 6, summary.Rank.RankRatio);
        Assert.InRange(summary.Probe.MeanAccuracy, 0.34, 0.99);
        Assert.Equal(
            (1 - summary.Probe.MeanAccuracy) * summary.Entanglement.Mean * (1 - (4.0 / 6)),
            summary.Fer,
            1e-15);
        Assert.True(summary.Fer > 0);
    }

    [Fact]
    public void Compute_Result_SerialisesToJson()
    {
        var (features, labels) = Synthetic.Clusters(60, 3, 2, separation: 1, seed: 12);

        var json = JsonSerializer.Serialize(RepresentationSummary.Compute(Representation.FromMatrix(features), labels));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(3, document.RootElement.GetProperty("Entanglement").GetProperty("Nmi").GetArrayLength());
        Assert.Equal(5, document.RootElement.GetProperty("Probe").GetProperty("FoldAccuracies").GetArrayLength());
    }
}
