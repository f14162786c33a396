using HomalgNN.Analysis.Metrics;
using HomalgNN.Analysis.Statistics;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>Collects the redundancy of paired runs as they are measured, and summarises each pairing of arms.</summary>
public sealed class SimilarityPairs
{
    readonly List<(string Arm, string Other, string Pairing, List<double> Cca, List<double> Cka)> _pairs = [];

    /// <summary>Records one pair of runs.</summary>
    public void Add(string arm, string other, string pairing, RedundancyResult redundancy)
    {
        var index = _pairs.FindIndex(p => p.Arm == arm && p.Other == other && p.Pairing == pairing);
        if (index < 0)
        {
            _pairs.Add((arm, other, pairing, [], []));
            index = _pairs.Count - 1;
        }
        _pairs[index].Cca.Add(redundancy.MeanCanonicalCorrelation);
        _pairs[index].Cka.Add(redundancy.LinearCka);
    }

    /// <summary>One row per pairing, in the order first seen.</summary>
    public List<ArmSimilarity> Rows(double level) =>
        _pairs.Select(p => new ArmSimilarity(p.Arm, p.Other, p.Pairing, p.Cca, p.Cka, Estimate(p.Cca, level), Estimate(p.Cka, level))).ToList();

    // A constant representation (every unit dead) has no canonical correlations: NaN, left out of the mean.
    static MeanEstimate? Estimate(List<double> values, double level)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? null : MeanEstimate.Of(finite, level);
    }
}
