using HomalgNN.Analysis.Statistics;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Reports;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Studies;

/// <summary>One metric of the long run at the shown epochs, and its change from the first shown epoch to the last.</summary>
public sealed record EpochTableRow(string Metric, IReadOnlyList<string> Cells, string Change, ArmContrast? LastVsFirst);

/// <summary>The study's "training longer" table: Metric | Epoch 1 | Epoch 15 | Epoch 30 | Change, over seeds.</summary>
public sealed record EpochTable(IReadOnlyList<int> Epochs, IReadOnlyList<EpochTableRow> Rows)
{
    /// <summary>Reads the shown epochs from each seed's history; tests the last epoch against the first (unpaired, as every table here).</summary>
    public static EpochTable Build(EpochSection section, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var histories = section.RunKeys.Select(k => outcomes[k].Result.History).ToList();
        List<EpochRecord> At(int epoch) => histories.Select(h => h[epoch - 1]).ToList();
        var rows = new List<EpochTableRow>
        {
            Numeric("Task Loss", r => r.TaskLoss, e => Cells.Mean(e, "G3"), relative: true),
            Numeric("Test Accuracy", r => r.TestAccuracy, Cells.Percent, relative: false),
            Numeric("Exactness Loss", r => r.ExactnessLoss, e => Cells.Mean(e, "G6"), relative: true),
        };
        var betti = section.ShownEpochs.Select(e => Cells.VectorsSeen(At(e).Select(r => r.Betti))).ToList();
        rows.Add(new EpochTableRow("Betti Numbers", betti, betti.Distinct().Count() == 1 ? "unchanged" : "changed", null));
        return new EpochTable(section.ShownEpochs, rows);

        EpochTableRow Numeric(string metric, Func<EpochRecord, double> value, Func<MeanEstimate, string> cell, bool relative)
        {
            var comparison = new Comparison();
            foreach (var e in section.ShownEpochs) comparison.Add($"epoch {e}", metric, At(e).Select(value));
            var contrast = comparison.Build().Rows[0].Contrasts.LastOrDefault();
            var cells = section.ShownEpochs.Select(e => cell(MeanEstimate.Of(At(e).Select(value).ToList()))).ToList();
            var change = contrast is null ? "-"
                : $"{(relative ? Cells.RelativeChange(contrast) : Cells.Number(100 * contrast.Difference, "+0.00;-0.00;0.00") + " pp")}, {Verdicts.Significance(contrast)}";
            return new EpochTableRow(metric, cells, change, contrast);
        }
    }

    /// <summary>The Markdown table.</summary>
    public string ToMarkdown() => MarkdownTable.Render(
        ["Metric", .. Epochs.Select(e => $"Epoch {e}"), "Change"],
        Rows.Select(r => (IReadOnlyList<string>)[r.Metric, .. r.Cells, r.Change]));
}
