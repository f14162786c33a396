namespace HomalgNN.Experiments.Comparisons;

/// <summary>What a comparison report was made from.</summary>
/// <param name="Dataset">The data set; test accuracy and representations come from its test split.</param>
/// <param name="Layer">The probed layer.</param>
/// <param name="Seeds">The seeds, paired across arms.</param>
/// <param name="TestImages">Images behind test accuracy.</param>
/// <param name="MeasuredImages">Images behind the representation metrics.</param>
/// <param name="Arms">Each arm, in table order (the first is the reference).</param>
/// <param name="CreatedUtc">When the report was written.</param>
/// <param name="Versions">homalg-nn, TorchSharp, libtorch and .NET versions.</param>
public sealed record CompareSettings(
    string Dataset,
    string Layer,
    IReadOnlyList<int> Seeds,
    int TestImages,
    int MeasuredImages,
    IReadOnlyList<ArmInfo> Arms,
    string CreatedUtc,
    IReadOnlyDictionary<string, string> Versions);

/// <summary>An arm as the report describes it.</summary>
/// <param name="Name">The arm's name.</param>
/// <param name="Source">"trained" (here, or reused from an earlier invocation) or "loaded" (--run).</param>
/// <param name="Description">How its runs were trained (see <see cref="ArmDescription"/>).</param>
public sealed record ArmInfo(string Name, string Source, string Description);
