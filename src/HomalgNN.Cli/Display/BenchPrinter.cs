using System.Globalization;
using HomalgNN.Benchmarks;
using HomalgNN.Nn;
using Spectre.Console;

namespace HomalgNN.Cli.Display;

/// <summary>Prints a bench report: per-epoch ratios, the per-step breakdown, homology per precision, floor, memory, goals, and the speed-up line.</summary>
public static class BenchPrinter
{
    /// <summary>The original's measurements on this kind of machine (conventions.md): seconds per epoch, and Betti numbers + defects per call.</summary>
    const double OriginalEpochSeconds = 31.5, OriginalMonitorSeconds = 0.025 + 0.014;

    public static void Print(IAnsiConsole console, BenchReport r)
    {
        var o = r.Options;
        var c = CultureInfo.InvariantCulture;
        void Line(string text) => console.MarkupLine(Markup.Escape(text));
        var f64 = r.Ours(Precision.Float64)!;
        var reference = r.ReferenceRun;
        console.WriteLine();
        Line($"bench: {r.Dataset}, {r.TrainImages} train / {r.TestImages} test images, batch {o.BatchSize}, lambda {o.Lambda.ToString(c)}, lr {o.LearningRate.ToString(c)}, seed {o.Seed}, {r.Threads} threads, chain [{string.Join(",", NetworkConfig.StudyDims)}], annealing over {o.ScheduleEpochs} epochs");
        Line(o.Quick
            ? $"mode: quick: {o.QuickSteps} steps per round, {o.Rounds} rounds; each side's seconds per step (median over chunks of {BenchRunner.StepChunk} steps) are extrapolated to an epoch of {r.BatchesPerEpoch} steps, plus one test evaluation and one monitor call (Betti numbers + defects)"
            : $"mode: full: {o.Rounds} rounds of whole epochs ({r.BatchesPerEpoch} steps + test evaluation + Betti numbers and defects once)");
        Line(reference is not null
            ? $"reference: {r.Reference}, {BenchRunner.ScriptPath}: float64 net, 6 SVDs per step with autograd through them, homology in NumPy"
            : $"reference: not run ({r.ReferenceMissing ?? "--ours-only"})");

        Line($"machine: {Environment.ProcessorCount} cores, {(r.BusyBefore is double busy ? $"{busy * 100:F0}%" : "n/a")} busy in the second before the start, one-minute load average {Load(r.LoadAfter)} at the end (the bench's own threads included)");
        if (r.MachineWasBusy) console.MarkupLine("[yellow]" + Markup.Escape("warning: other processes were using the cores when the bench started; both sides slow down, unevenly. Repeat on an idle machine.") + "[/]");

        var epochs = new Table().Title("per epoch").AddColumns("run", "epoch s", "rounds s", "vs reference", "vs ours float64", "floor s", "floor / epoch", "test acc");
        foreach (var run in r.Runs)
            epochs.AddRow(Markup.Escape(run.Name), $"{run.Epoch:F2}", string.Join(", ", run.EpochSeconds.Select(s => s.ToString("F2", c))),
                reference is null ? "-" : $"{reference.Epoch / run.Epoch:F2}x", $"{f64.Epoch / run.Epoch:F2}x",
                $"{r.FloorSeconds(run):F2}", $"{r.FloorSeconds(run) / run.Epoch * 100:F0}%", $"{run.TestAccuracy * 100:F2}%");
        console.Write(epochs);

        var steps = new Table().Title("per step and per call, ms (parts timed on their own, medians)").AddColumn("part");
        foreach (var run in r.Runs) steps.AddColumn(Markup.Escape(run.Name));
        if (reference is not null) steps.AddColumn("reference / ours float64");
        void Row(string part, Func<RunMeasurement, double> seconds)
        {
            var cells = new List<string> { part };
            cells.AddRange(r.Runs.Select(run => $"{seconds(run) * 1000:F2}"));
            if (reference is not null) cells.Add($"{seconds(reference) / seconds(f64):F1}x");
            steps.AddRow(cells.ToArray());
        }
        Row("task forward+backward", m => m.Parts.Task);
        Row("exactness loss (+ backward)", m => m.Parts.Exactness);
        Row("chain axiom (+ backward)", m => m.Parts.ChainAxiom);
        Row("Adam step", m => m.Parts.Optimizer);
        Row("whole step, in training", m => m.StepSeconds);
        Row("test evaluation, per epoch", m => m.EvaluateSeconds);
        Row("Betti numbers, per call", m => m.BettiSeconds);
        Row("defects, per call", m => m.DefectsSeconds);
        Row("monitor = Betti + defects", m => m.MonitorSeconds);
        console.Write(steps);

        var homology = new Table().Title("homology at the end (float64, from each run's maps)").AddColumns("run", "Betti", "defects", "equals ours float64");
        foreach (var run in r.Runs)
            homology.AddRow(Markup.Escape(run.Name), Markup.Escape($"[{string.Join(",", run.Betti)}]"), Markup.Escape($"[{string.Join(", ", run.Defects.Select(d => d.ToString("F6", c)))}]"),
                run == f64 ? "-" : r.HomologyMatchesFloat64(run) ? "yes" : "NO");
        console.Write(homology);

        Line($"physical floor: matmul measured here {r.Float64FlopsPerSecond / 1e9:F1} GFLOP/s float64, {r.Float32FlopsPerSecond / 1e9:F1} GFLOP/s float32; "
            + $"an epoch's matmuls are {f64.Flops.Float64 / 1e9:F0} GFLOP (float64 run), so no float64 epoch takes under {r.FloorSeconds(f64):F2} s here (decompositions, elementwise work and the optimiser not counted)");
        Line($"peak resident memory: ours {Mib(r.OurPeakRss)} (VmHWM of this process, {r.Runs.Count(x => !x.IsReference)} trainers with their data at once)"
            + (reference is null ? "" : $", reference {Mib(r.ReferencePeakRss)} (getrusage)"));
        var others = r.Runs.Where(x => !x.IsReference && x != f64).ToList();
        Line("goals:");
        if (reference is not null)
            Line($"  (1) float64 epoch at least 5x faster than the reference: {r.Speedup:F2}x {(r.Speedup >= 5 ? "yes" : "NO")} (the original took {OriginalEpochSeconds} s here, which is {OriginalEpochSeconds / f64.Epoch:F1}x ours)");
        if (others.Count > 0)
            Line($"  (2) float32/mixed homology equal to float64's: {string.Join(", ", others.Select(x => $"{Commands.Names.ToFlag(x.Precision)} {(r.HomologyMatchesFloat64(x) ? "yes" : "NO")} ({f64.Epoch / x.Epoch:F2}x float64's speed)"))}"
                + (o.Quick ? "; quick mode compares after a few hundred steps, while singular values still cross eps and runs of different precision may differ by one; the full bench compares after whole epochs" : ""));
        Line($"  (3) Betti numbers + defects per call at least 10x faster than the original's 25 + 14 ms: {f64.MonitorSeconds * 1000:F2} ms, {OriginalMonitorSeconds / f64.MonitorSeconds:F1}x {(OriginalMonitorSeconds / f64.MonitorSeconds >= 10 ? "yes" : "NO")}"
            + (reference is null ? "" : $" (reference measured here {reference.MonitorSeconds * 1000:F2} ms, {reference.MonitorSeconds / f64.MonitorSeconds:F1}x)"));
        Line($"  (4) peak resident memory below 2 GiB: {Mib(r.OurPeakRss)} {(r.OurPeakRss is long b && b < 2L << 30 ? "yes" : "NO")}");
        Line(r.Speedup is double s ? $"speedup vs reference: {s.ToString("F2", c)}" : "speedup vs reference: n/a (the reference did not run)");
    }

    static string Load(double? load) => load is double l ? l.ToString("F2", CultureInfo.InvariantCulture) : "n/a";

    static string Mib(long? bytes) => bytes is long b ? $"{b / (1024.0 * 1024):F0} MiB" : "n/a";
}
