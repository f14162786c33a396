namespace HomalgNN.Experiments.Comparisons;

/// <summary>How a comparison obtains one run.</summary>
public enum RunAction
{
    /// <summary>Trained now into its folder.</summary>
    Train,
    /// <summary>Finished earlier in its folder with the same settings: reused, not retrained.</summary>
    Reuse,
    /// <summary>A finished run named by the user (--run), loaded.</summary>
    Load,
}
