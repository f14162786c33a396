namespace HomalgNN.Analysis.Metrics;

/// <summary>How a unit's values are cut into histogram bins for the mutual-information estimate.</summary>
public enum BinningRule
{
    /// <summary>
    /// Equal-width bins over the unit's min..max; the maximum falls in the last bin (as numpy's histogram).
    /// </summary>
    EqualWidth,

    /// <summary>
    /// The Python study's effective rule: <c>np.digitize</c> on <c>linspace(min, max, bins)</c> edges then a
    /// <c>histogram2d</c> of the codes, which amounts to bins - 1 equal-width bins over [min, max) plus one bin
    /// holding only values equal to the maximum. Kept so numbers can be compared with the study's.
    /// </summary>
    StudyDigitize,
}
