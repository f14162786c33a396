using HomalgNN.Analysis.Statistics;
using HomalgNN.Experiments.Batch;
using HomalgNN.Experiments.Reports;

namespace HomalgNN.Experiments.Sweeps;

/// <summary>The study's sweep table (Lambda | Final Accuracy | Final Betti | Exactness Loss | Verdict) with seeds, intervals and tests.</summary>
/// <param name="Axes">The varying flags.</param>
/// <param name="Rows">One per grid point.</param>
public sealed record SweepTable(IReadOnlyList<string> Axes, IReadOnlyList<SweepRow> Rows)
{
    const string AccuracyMetric = "test accuracy";

    /// <summary>Summarises each point's runs and tests every row's accuracy against the first row's.</summary>
    public static SweepTable Build(SweepPlan plan, IReadOnlyDictionary<string, RunOutcome> outcomes)
    {
        var comparison = new Comparison();
        foreach (var point in plan.Points)
            comparison.Add(point.Label(plan.Axes), AccuracyMetric, point.RunKeys.Select(k => Final(outcomes[k]).TestAccuracy));
        var contrasts = comparison.Build().Rows.Single().Contrasts;
        var rows = plan.Points.Select((point, i) => Row(plan, point, outcomes, i == 0 ? null : contrasts[i - 1])).ToList();
        return new SweepTable(plan.Axes, rows);
    }

    static SweepRow Row(SweepPlan plan, SweepPoint point, IReadOnlyDictionary<string, RunOutcome> outcomes, ArmContrast? contrast)
    {
        var runs = point.RunKeys.Select(k => outcomes[k]).ToList();
        var finals = runs.Select(Final).ToList();
        var losses = finals.Select(f => f.ExactnessLoss).ToList();
        var exactness = losses.All(l => l is not null) ? MeanEstimate.Of(losses.Select(l => l!.Value).ToList()) : null;
        var betti = Verdicts.Betti(finals.Select(f => f.Betti).ToList(), runs.Select(r => r.Result.History[0].Betti).ToList(), runs[0].Run.Options.Network.Dims);
        return new SweepRow(
            point.Values,
            runs.Select(r => new SweepRun(r.Run.Options.Seed, r.Run.Key, r.Folder, Final(r).TestAccuracy, Final(r).Betti, Final(r).ExactnessLoss, r.Result.TotalSeconds)).ToList(),
            MeanEstimate.Of(finals.Select(f => f.TestAccuracy).ToList()),
            Cells.VectorsSeen(finals.Select(f => f.Betti)),
            exactness,
            contrast,
            $"{betti}; {Verdicts.Accuracy(contrast)}");
    }

    static Training.FinalRecord Final(RunOutcome o) => o.Result.Final ?? throw new InvalidDataException($"{o.Folder}: results.json has no final record");

    /// <summary>The Markdown table: the varying flags, seeds, then the study's columns.</summary>
    public string ToMarkdown()
    {
        var header = Axes.Select(Title).Concat(["Seeds", "Final Accuracy", "Final Betti", "Exactness Loss", "Verdict"]).ToList();
        var rows = Rows.Select(r => (IReadOnlyList<string>)Axes.Select(a => r.Point[a])
            .Concat([$"{r.Runs.Count}", Cells.Percent(r.Accuracy), r.Betti, r.ExactnessLoss is { } e ? Cells.Number(e.Mean) : "-", r.Verdict]).ToList());
        return MarkdownTable.Render(header, rows);
    }

    /// <summary>The CSV: one line per row with every number (intervals, p-values, seconds).</summary>
    public string ToCsv()
    {
        string N(double? v) => v is { } x ? Cells.Number(x, "R") : "";
        var header = Axes.Concat(["seeds", "seed_values", "accuracy_mean", "accuracy_low", "accuracy_high", "betti", "exactness_loss_mean", "exactness_loss_low", "exactness_loss_high",
            "accuracy_difference_vs_first", "p_value", "significant", "verdict", "seconds_mean"]).ToList();
        var rows = Rows.Select(r => (IReadOnlyList<string>)Axes.Select(a => r.Point[a]).Concat([
            $"{r.Runs.Count}", string.Join(" ", r.Runs.Select(x => x.Seed)), N(r.Accuracy.Mean), N(r.Accuracy.Lower), N(r.Accuracy.Upper), r.Betti,
            N(r.ExactnessLoss?.Mean), N(r.ExactnessLoss?.Lower), N(r.ExactnessLoss?.Upper),
            N(r.AccuracyVsFirst?.Difference), N(r.AccuracyVsFirst?.PValue), r.AccuracyVsFirst?.Significant switch { true => "yes", false => "no", null => "" },
            r.Verdict, N(r.MeanSeconds)]).ToList());
        return Csv.Render(header, rows);
    }

    /// <summary>"lambda" -> "Lambda", "train-limit" -> "Train-limit": column titles as in the study.</summary>
    static string Title(string axis) => axis.Length == 0 ? axis : char.ToUpperInvariant(axis[0]) + axis[1..];
}
