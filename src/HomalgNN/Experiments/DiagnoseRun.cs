using HomalgNN.Data;
using HomalgNN.Diagnostics;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>The output of `diagnose`: the run, the per-step records and the explanation.</summary>
public sealed record DiagnosticsResult(RunResult Run, List<DiagnosticRecord> Records, List<string> Summary);

/// <summary>A training run with full diagnostics every N steps, written as diagnostics.json, .csv and the 9-panel .png.</summary>
public static class DiagnoseRun
{
    /// <summary>File names inside the output folder.</summary>
    public const string JsonFile = "diagnostics.json", CsvFile = "diagnostics.csv", PlotFile = "diagnostics.png";

    /// <summary>Trains with diagnostics; logs step 0 and every <paramref name="logEvery"/> steps.</summary>
    public static DiagnosticsResult Execute(TrainingOptions options, DataSplit data, int logEvery, string outDir, ITrainingObserver observer)
    {
        DiagnosticsRecorder? recorder = null;
        var run = TrainingRun.Execute(options, data, outDir, observer, trainer => recorder = new DiagnosticsRecorder(trainer, logEvery), resumable: false);
        var records = recorder!.Records;
        var summary = DiagnosticsSummary.Explain(records, options.Network.Dims, options.LossOptions.Epsilon);
        AtomicFile.WriteJson(Path.Combine(outDir, JsonFile), new { config = run.Config, summary, records });
        AtomicFile.WriteAllText(Path.Combine(outDir, CsvFile), DiagnosticsCsv.Write(records));
        DiagnosticsPlot.Save(Path.Combine(outDir, PlotFile), records, options.LossOptions.Epsilon);
        return new DiagnosticsResult(run, records, summary);
    }
}
