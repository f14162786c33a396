using System.Diagnostics;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Benchmarks;

/// <summary>Times each part of our training step on its own, on a copy of the network, as the reference's "profile" does.</summary>
internal static class StepProfiler
{
    /// <summary>
    /// Median seconds of task forward+backward, exactness loss, chain-axiom loss (each with its backward) and the Adam step,
    /// on a copy of <paramref name="trained"/> (its current weights: the decompositions' cost depends on the spectrum).
    /// </summary>
    public static StepParts Measure(StudyNetwork trained, TensorData batch, ExactnessLossOptions loss, int batches)
    {
        using var model = new StudyNetwork(trained.Config);
        using (torch.no_grad())
            foreach (var (copy, source) in model.parameters().Zip(trained.parameters())) copy.copy_(source);
        using var optimizer = new FusedAdam(model.parameters());
        var maps = model.Chain!.BoundaryMaps.Cast<Tensor>().ToArray();
        // The parts of the step training takes: the hand-written one where it covers the network, on two threads.
        using var cores = new CorePair(parallel: torch.get_num_threads() >= 2);
        using var handWritten = StudyStep.Covers(model, loss) ? new StudyStep(model, cores) : null;
        using var single = handWritten is not null && cores.IsParallel ? IntraOpThreads.OnThisThread(1) : null;
        var parts = new List<double>[4];
        for (int p = 0; p < parts.Length; p++) parts[p] = new List<double>();
        var clock = new Stopwatch();
        for (int b = 0; b <= batches; b++)
        {
            using var scope = torch.NewDisposeScope();
            clock.Restart();
            double t1, t2, t3;
            if (handWritten is not null)
            {
                handWritten.TaskLossAndGradients(batch.X, batch.Y);
                t1 = clock.Elapsed.TotalSeconds;
                var (_, ex) = ProjectionNormLoss.ValueAndGradients(maps, loss, withGradient: true, cores);
                for (int i = 0; i < maps.Length; i++) if (ex[i] is { } g) maps[i].grad!.add_(g.to(maps[i].dtype));
                t2 = clock.Elapsed.TotalSeconds;
                var (_, ax) = ChainAxiomLoss.ValueAndGradients(maps, normalized: false, withGradient: true);
                for (int i = 0; i < maps.Length; i++) maps[i].grad!.add_(ax![i]);
                t3 = clock.Elapsed.TotalSeconds;
                optimizer.step(cores);
            }
            else
            {
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch.X), batch.Y).backward();
                t1 = clock.Elapsed.TotalSeconds;
                ExactnessLoss.Compute(maps, loss).backward();
                t2 = clock.Elapsed.TotalSeconds;
                ChainAxiomLoss.Compute(maps).backward();
                t3 = clock.Elapsed.TotalSeconds;
                optimizer.step();
            }
            double t4 = clock.Elapsed.TotalSeconds;
            if (b == 0) continue; // warm-up
            parts[0].Add(t1);
            parts[1].Add(t2 - t1);
            parts[2].Add(t3 - t2);
            parts[3].Add(t4 - t3);
        }
        return new StepParts(RunMeasurement.Median(parts[0]), RunMeasurement.Median(parts[1]), RunMeasurement.Median(parts[2]), RunMeasurement.Median(parts[3]));
    }
}
