using HomalgNN.Analysis.Statistics;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Reports;
using HomalgNN.Training;

namespace HomalgNN.Experiments.Studies;

/// <summary>One metric across the chains: each chain's cell and, for every chain after the first, its change against the first.</summary>
public sealed record ArchitectureRow(string Metric, IReadOnlyList<string> Cells, IReadOnlyList<string> Changes);

/// <summary>The study's architecture table: Metric | Original | Symmetric | Change | Smaller | Change, over seeds.</summary>
public sealed record ArchitectureTable(IReadOnlyList<string> Arms, IReadOnlyList<ArchitectureRow> Rows)
{
    /// <summary>Final Betti numbers (each against its own dimensional minimum), exactness loss and accuracy (tested against the original).</summary>
    public static ArchitectureTable Build(IReadOnlyList<ArchitectureArm> arms, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        List<RunOutcome> Runs(ArchitectureArm a) => a.RunKeys.Select(k => outcomes[k]).ToList();
        List<FinalRecord> Finals(ArchitectureArm a) => Runs(a).Select(r => r.Result.Final!).ToList();
        var betti = new ArchitectureRow("Final Betti",
            arms.Select(a => Cells.VectorsSeen(Finals(a).Select(f => f.Betti))).ToList(),
            arms.Skip(1).Select(a => Verdicts.Betti(Finals(a).Select(f => f.Betti).ToList(), Runs(a).Select(r => r.Result.History[0].Betti).ToList(), a.Dims)).ToList());
        return new ArchitectureTable(
            arms.Select(a => $"{a.Name} [{string.Join(",", a.Dims)}]").ToList(),
            [betti,
             Numeric("Exactness Loss", f => f.ExactnessLoss ?? double.NaN, e => Cells.Mean(e), Cells.RelativeChange),
             Numeric("Test Accuracy", f => f.TestAccuracy, Cells.Percent, c => Cells.Number(100 * c.Difference, "+0.00;-0.00;0.00") + " pp")]);

        ArchitectureRow Numeric(string metric, Func<FinalRecord, double> value, Func<MeanEstimate, string> cell, Func<ArmContrast, string> change)
        {
            var comparison = new Comparison();
            foreach (var a in arms) comparison.Add(a.Name, metric, Finals(a).Select(value));
            var contrasts = comparison.Build().Rows[0].Contrasts;
            return new ArchitectureRow(metric,
                arms.Select(a => cell(MeanEstimate.Of(Finals(a).Select(value).ToList()))).ToList(),
                contrasts.Select(c => $"{change(c)}, {Verdicts.Significance(c)}").ToList());
        }
    }

    /// <summary>The Markdown table: each later chain followed by its change column.</summary>
    public string ToMarkdown() => MarkdownTable.Render(
        ["Metric", Arms[0], .. Arms.Skip(1).SelectMany(a => new[] { a, "Change" })],
        Rows.Select(r => (IReadOnlyList<string>)[r.Metric, r.Cells[0], .. r.Cells.Skip(1).Zip(r.Changes).SelectMany(p => new[] { p.First, p.Second })]));
}
