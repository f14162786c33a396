using HomalgNN.Training;

namespace HomalgNN.Diagnostics;

/// <summary>Subscribes to a trainer and records spectra, ranks, gradient norms by source, defects and Betti numbers every N steps.</summary>
public sealed class DiagnosticsRecorder
{
    /// <summary>Records every <paramref name="every"/> steps of <paramref name="trainer"/> (which must train a chain).</summary>
    public DiagnosticsRecorder(Trainer trainer, int every)
    {
        if (every < 1) throw new ArgumentException($"--log-every must be at least 1, got {every}");
        if (trainer.Model.Chain is null) throw new ArgumentException("diagnose needs a chain: --baseline has no boundary maps to diagnose");
        trainer.ProbeEvery = every;
        trainer.ProbeGradients = true;
        trainer.Probed += Record;
    }

    /// <summary>The records so far, in step order.</summary>
    public List<DiagnosticRecord> Records { get; } = [];

    void Record(StepProbe p)
    {
        var c = p.Complex!;
        var maps = Enumerable.Range(0, c.Length).Select(i =>
        {
            var s = c.Spectrum(i);
            return new MapDiagnostics(s.SingularValues, s.Rank, s.Nullity, s.SmallSingularValueCount, p.Gradients![i]);
        }).ToArray();
        Records.Add(new DiagnosticRecord(p.Step, p.Epoch, p.TaskLoss, p.ExactnessLoss, p.ChainAxiomLoss, p.ExactnessWeight, p.AxiomWeight,
            c.BettiNumbers(), c.ExactnessDefects(), c.ChainAxiomNorms(), maps));
    }
}
