using HomalgNN.Training;

namespace HomalgNN.Experiments.Batch;

/// <summary>One training run of a multi-run experiment: what determines its numbers, where its data lie, and whether it records diagnostics.</summary>
/// <param name="Label">A name for people, e.g. "lambda=0.5 seed=1"; not part of the key.</param>
/// <param name="Options">Everything that determines the run.</param>
/// <param name="Dataset">Catalog name of the data set (part of the key).</param>
/// <param name="DataDir">Where to look for the data set, or null for the usual places; not part of the key, so machines that keep the data in different places share runs.</param>
/// <param name="DiagnoseEvery">Record full diagnostics every N steps (a `diagnose` run), or null for a plain `train` run.</param>
public sealed record PlannedRun(string Label, TrainingOptions Options, string Dataset, string? DataDir = null, int? DiagnoseEvery = null)
{
    /// <summary>The run's identity: a hash of its canonical settings and data set (computed, so `with` copies stay right).</summary>
    public string Key => RunKey.Of(Options, Dataset, DiagnoseEvery);

    /// <summary>The run's folder name inside an experiment's runs/ folder: a readable prefix and the key.</summary>
    public string Folder => RunKey.FolderName(Options, DiagnoseEvery, Key);
}
