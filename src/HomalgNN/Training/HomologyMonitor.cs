using System.Globalization;
using System.Text;

namespace HomalgNN.Training;

/// <summary>One monitored step: losses, Betti numbers (and their sum) and exactness defects.</summary>
public sealed record MonitorRecord(long Step, int Epoch, double TaskLoss, double ExactnessLoss, double ChainAxiomLoss, int[]? Betti, int? BettiSum, double[]? Defects);

/// <summary>Records homology every N steps of a trainer, optionally mirrored to TensorBoard.</summary>
public sealed class HomologyMonitor
{
    readonly TensorBoardLog? _tensorBoard;

    /// <summary>Subscribes to <paramref name="trainer"/>'s probes every <paramref name="every"/> steps (unless a recorder already chose the interval).</summary>
    public HomologyMonitor(Trainer trainer, int every, TensorBoardLog? tensorBoard = null)
    {
        _tensorBoard = tensorBoard;
        if (trainer.ProbeEvery == 0) trainer.ProbeEvery = every;
        trainer.Probed += Record;
    }

    /// <summary>Everything recorded so far.</summary>
    public List<MonitorRecord> Records { get; } = [];

    void Record(StepProbe p)
    {
        var betti = p.Complex?.BettiNumbers();
        var defects = p.Complex?.ExactnessDefects();
        Records.Add(new MonitorRecord(p.Step, p.Epoch, p.TaskLoss, p.ExactnessLoss, p.ChainAxiomLoss, betti, betti?.Sum(), defects));
        _tensorBoard?.Probe(p, betti, defects);
    }

    /// <summary>The records as CSV: one row per step, one column per Betti number and defect.</summary>
    public static string ToCsv(IReadOnlyList<MonitorRecord> records)
    {
        int nb = records.FirstOrDefault(r => r.Betti != null)?.Betti?.Length ?? 0;
        int nd = records.FirstOrDefault(r => r.Defects != null)?.Defects?.Length ?? 0;
        var sb = new StringBuilder("step,epoch,task_loss,exactness_loss,chain_axiom_loss,betti_sum");
        for (int i = 0; i < nb; i++) sb.Append($",betti_{i}");
        for (int i = 0; i < nd; i++) sb.Append($",defect_{i}");
        sb.Append('\n');
        var c = CultureInfo.InvariantCulture;
        foreach (var r in records)
        {
            sb.Append(c, $"{r.Step},{r.Epoch},{r.TaskLoss:R},{r.ExactnessLoss:R},{r.ChainAxiomLoss:R},{r.BettiSum}");
            for (int i = 0; i < nb; i++) sb.Append(c, $",{r.Betti?[i]}");
            for (int i = 0; i < nd; i++) sb.Append(c, $",{r.Defects?[i]:R}");
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
