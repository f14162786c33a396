namespace HomalgNN.Analysis.Metrics;

/// <summary>Settings of the entanglement estimate; the defaults are the study's.</summary>
/// <param name="Bins">Histogram bins per unit (at most 256, codes are bytes).</param>
/// <param name="SampleSize">Rows used; a larger representation is subsampled to this many, without replacement.</param>
/// <param name="Seed">Seed of the subsample.</param>
/// <param name="Rule">How values are cut into bins.</param>
public sealed record EntanglementOptions(
    int Bins = 20,
    int SampleSize = 1000,
    int Seed = 42,
    BinningRule Rule = BinningRule.EqualWidth);
