using TorchSharp;
using static TorchSharp.torch.utils.tensorboard;

namespace HomalgNN.Training;

/// <summary>Scalars for TensorBoard (`tensorboard --logdir DIR` reads the event files written here); each event is appended as it is added.</summary>
public sealed class TensorBoardLog
{
    readonly TorchSharp.Modules.SummaryWriter _writer;

    /// <summary>Opens (creating) a log folder.</summary>
    public TensorBoardLog(string logDir)
    {
        Directory.CreateDirectory(logDir);
        LogDir = logDir;
        _writer = torch.utils.tensorboard.SummaryWriter(logDir, createRunName: false);
    }

    /// <summary>The folder holding the event files.</summary>
    public string LogDir { get; }

    /// <summary>Writes a scalar under <paramref name="tag"/> at <paramref name="step"/>.</summary>
    public void Scalar(string tag, double value, long step)
    {
        if (double.IsFinite(value)) _writer.add_scalar(tag, (float)value, (int)step);
    }

    /// <summary>The monitor's quantities at one probed step.</summary>
    public void Probe(StepProbe p, int[]? betti, double[]? defects)
    {
        Scalar("loss/task", p.TaskLoss, p.Step);
        Scalar("loss/exactness", p.ExactnessLoss, p.Step);
        Scalar("loss/chain_axiom", p.ChainAxiomLoss, p.Step);
        Scalar("schedule/exactness_weight", p.ExactnessWeight, p.Step);
        Scalar("schedule/axiom_weight", p.AxiomWeight, p.Step);
        if (betti != null)
        {
            for (int i = 0; i < betti.Length; i++) Scalar($"homology/betti_{i}", betti[i], p.Step);
            Scalar("homology/betti_sum", betti.Sum(), p.Step);
        }
        if (defects != null)
            for (int i = 0; i < defects.Length; i++) Scalar($"homology/defect_{i}", defects[i], p.Step);
        if (p.Gradients != null)
            for (int i = 0; i < p.Gradients.Length; i++)
            {
                Scalar($"grad_norm/d{i}/task", p.Gradients[i].Task, p.Step);
                Scalar($"grad_norm/d{i}/exactness", p.Gradients[i].Exactness, p.Step);
                Scalar($"grad_norm/d{i}/chain_axiom", p.Gradients[i].ChainAxiom, p.Step);
            }
    }

    /// <summary>An epoch's averages and test accuracy, at the step where it ended.</summary>
    public void Epoch(EpochRecord r, long step)
    {
        Scalar("epoch/task_loss", r.TaskLoss, step);
        Scalar("epoch/exactness_loss", r.ExactnessLoss, step);
        Scalar("epoch/chain_axiom_loss", r.ChainAxiomLoss, step);
        Scalar("epoch/test_accuracy", r.TestAccuracy, step);
        if (r.Betti != null) Scalar("epoch/betti_sum", r.Betti.Sum(), step);
    }
}
