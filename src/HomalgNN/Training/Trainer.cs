using System.Diagnostics;
using HomalgNN.Algebra;
using HomalgNN.Data;
using HomalgNN.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>Trains the study's network: task loss + lambda (w_ex exactness + w_ax chain axiom), Adam, homology each epoch.</summary>
public sealed class Trainer : IDisposable
{
    readonly TrainingOptions _options;
    readonly TensorData _train, _test;
    readonly FusedAdam _optimizer;
    readonly Random _shuffle;
    readonly CorePair? _cores;
    readonly StudyStep? _handWritten;
    long _step;
    static readonly object SeedLock = new();

    /// <summary>Builds the seeded network and optimiser and converts the data (a stratified subset when TrainLimit is set).</summary>
    public Trainer(TrainingOptions options, DataSplit data)
    {
        options.Validate();
        _options = options;
        // torch's generator is process-wide: seeding and drawing the weights must not interleave with another trainer's.
        lock (SeedLock)
        {
            torch.manual_seed(options.Seed);
            Model = new StudyNetwork(options.Network);
        }
        var trainSet = options.TrainLimit is int limit ? data.Train.Take(limit, options.Seed) : data.Train;
        if (trainSet.Features != options.Network.InputFeatures)
            throw new ArgumentException($"{data.Spec.Name} images have {trainSet.Features} pixels but the network expects {options.Network.InputFeatures}");
        _train = TensorData.From(trainSet, Model.LayerType);
        _test = TensorData.From(data.Test, Model.LayerType);
        _optimizer = new FusedAdam(Model.parameters(), lr: options.LearningRate, weightDecay: options.WeightDecay);
        _shuffle = new Random(options.Seed);
        if (StudyStep.Covers(Model, options.LossOptions))
        {
            _cores = new CorePair(parallel: torch.get_num_threads() >= 2);
            _handWritten = new StudyStep(Model, _cores);
        }
    }

    /// <summary>
    /// Whether steps use the hand-written forward and backward pass shared by two threads (the default where the network
    /// and loss allow it) instead of autograd; both compute the same gradients, equal to rounding.
    /// </summary>
    public bool HandWrittenStep { get; set; } = true;

    /// <summary>Whether <see cref="HandWrittenStep"/> can take effect for this network and loss.</summary>
    public bool HandWrittenStepAvailable => _handWritten is not null;

    /// <summary>The network being trained.</summary>
    public StudyNetwork Model { get; }

    /// <summary>Training images actually used.</summary>
    public int TrainCount => _train.Count;

    /// <summary>Test images.</summary>
    public int TestCount => _test.Count;

    /// <summary>Probe every this many optimiser steps (0 = never).</summary>
    public int ProbeEvery { get; set; }

    /// <summary>Whether probes split the maps' gradients by loss term (three extra backward passes per probe).</summary>
    public bool ProbeGradients { get; set; }

    /// <summary>Raised at probed steps, before the optimiser moves the weights.</summary>
    public event Action<StepProbe>? Probed;

    /// <summary>Optimiser steps taken so far.</summary>
    public long Step => _step;

    /// <summary>The optimiser (its moments and step count go into checkpoints).</summary>
    public FusedAdam Optimizer => _optimizer;

    /// <summary>
    /// Continues after <paramref name="epochsDone"/> whole epochs whose weights and optimiser state were restored: sets the step
    /// count and replays the epochs' shuffles, so the next epoch sees the same batches as an uninterrupted run.
    /// </summary>
    public void ResumeAfter(int epochsDone)
    {
        if (epochsDone < 0 || epochsDone > _options.Epochs) throw new ArgumentOutOfRangeException(nameof(epochsDone), epochsDone, $"a run of {_options.Epochs} epochs cannot resume after epoch {epochsDone}");
        if (_step != 0) throw new InvalidOperationException("a trainer can only resume before its first step");
        for (int e = 0; e < epochsDone; e++) Permutation(_train.Count);
        _step = (long)epochsDone * BatchesPerEpoch;
        _optimizer.Resume(_step);
    }

    /// <summary>Optimiser steps per epoch.</summary>
    public int BatchesPerEpoch => (_train.Count + _options.BatchSize - 1) / _options.BatchSize;

    /// <summary>Trains one epoch (1-based number) and evaluates it.</summary>
    public EpochRecord RunEpoch(int epoch, ITrainingObserver observer)
    {
        var clock = Stopwatch.StartNew();
        Model.train();
        int batches = BatchesPerEpoch;
        observer.EpochStarted(epoch, batches);
        var order = Permutation(_train.Count);
        using var orderTensor = torch.tensor(order, dtype: ScalarType.Int64);
        double task = 0, exact = 0, axiom = 0;
        long totalSteps = (long)batches * _options.Epochs;
        using (var threads = _handWritten is not null && HandWrittenStep && _cores!.IsParallel ? IntraOpThreads.OnThisThread(1) : null)
        {
            for (int b = 0; b < batches; b++)
            {
                using var scope = torch.NewDisposeScope();
                int start = b * _options.BatchSize, len = Math.Min(_options.BatchSize, _train.Count - start);
                var idx = orderTensor.narrow(0, start, len);
                var x = _train.X.index_select(0, idx);
                var y = _train.Y.index_select(0, idx);
                bool probe = Probed != null && ProbeEvery > 0 && _step % ProbeEvery == 0;
                var (t, exValue, axValue) = _handWritten is { } fast && HandWrittenStep && !(probe && ProbeGradients)
                    ? HandWrittenStepOn(fast, x, y, epoch, b, probe, totalSteps)
                    : AutogradStep(x, y, epoch, b, probe, totalSteps);
                exact += exValue;
                axiom += axValue;
                if (!double.IsFinite(t)) throw new InvalidOperationException($"training diverged: task loss is {t} at epoch {epoch}, batch {b + 1}");
                task += t;
                _step++;
                observer.BatchFinished(epoch, b + 1, t);
            }
        }
        var (accuracy, _) = Evaluation.Evaluate(Model, _test, _options.EvalBatchSize);
        var betti = Model.Chain?.ToChainComplex(Tolerance.Absolute(_options.LossOptions.Epsilon)).BettiNumbers();
        var record = new EpochRecord(epoch, task / batches, exact / batches, axiom / batches, accuracy, betti, clock.Elapsed.TotalSeconds);
        observer.EpochFinished(record);
        return record;
    }

    /// <summary>One step through autograd: task loss + lambda (w_ex exactness + w_ax chain axiom), backward, Adam.</summary>
    (double Task, double Exactness, double Axiom) AutogradStep(Tensor x, Tensor y, int epoch, int b, bool probe, long totalSteps)
    {
        var taskLoss = nn.functional.cross_entropy(Model.forward(x), y);
        var total = taskLoss;
        double exValue = 0, axValue = 0, wEx = 0, wAx = 0;
        MapGradients[]? gradients = null;
        if (Model.Chain is { } chain)
        {
            var maps = chain.BoundaryMaps.Cast<Tensor>().ToArray();
            bool regularise = _options.Lambda > 0;
            bool split = probe && ProbeGradients;
            using var guard = regularise || split ? null : torch.no_grad();
            var ex = ExactnessLoss.Compute(maps, _options.LossOptions).to(taskLoss.dtype);
            var ax = ChainAxiomLoss.Compute(maps, _options.NormalizedAxiom).to(taskLoss.dtype);
            (wEx, wAx) = _options.ScheduleOrDefault.WeightsAt(_step, totalSteps);
            var exTerm = _options.Lambda * wEx * ex;
            var axTerm = _options.Lambda * wAx * ax;
            if (regularise) total = taskLoss + exTerm + axTerm;
            if (split) gradients = GradientSplit.Norms(maps, taskLoss, exTerm, axTerm, ex);
            exValue = ex.ToDouble();
            axValue = ax.ToDouble();
        }
        double t = taskLoss.ToDouble();
        if (probe) RaiseProbe(epoch, b, t, exValue, axValue, wEx, wAx, gradients);
        _optimizer.zero_grad();
        total.backward();
        _optimizer.step();
        return (t, exValue, axValue);
    }

    /// <summary>
    /// The same step with the task's gradient from <see cref="StudyStep"/> and the regulariser's in closed form, added to
    /// the maps' gradients before Adam; the large products, the update and nothing else are shared by the two threads.
    /// </summary>
    (double Task, double Exactness, double Axiom) HandWrittenStepOn(StudyStep step, Tensor x, Tensor y, int epoch, int b, bool probe, long totalSteps)
    {
        double t = step.TaskLossAndGradients(x, y);
        var maps = Model.Chain!.BoundaryMaps;
        bool regularise = _options.Lambda > 0;
        double exValue, axValue;
        var (wEx, wAx) = _options.ScheduleOrDefault.WeightsAt(_step, totalSteps);
        using (torch.no_grad())
        {
            // The parameters themselves, not detached copies: the saturation certificate remembers each map between steps.
            var tensors = maps.Cast<Tensor>().ToArray();
            var (ex, exGradients) = tensors.Length >= 2
                ? ProjectionNormLoss.ValueAndGradients(tensors, _options.LossOptions, regularise, _cores)
                : (0.0, new Tensor?[tensors.Length]);
            var (ax, axGradients) = ChainAxiomLoss.ValueAndGradients(tensors, _options.NormalizedAxiom, regularise);
            // The losses are cast to the task's dtype in the autograd step; so are their values here.
            (exValue, axValue) = Model.LayerType == ScalarType.Float32 ? ((float)ex, (float)ax) : (ex, ax);
            if (regularise)
                for (int i = 0; i < maps.Count; i++)
                {
                    var grad = maps[i].grad!;
                    if (exGradients[i] is { } g) grad.add_(g.to(grad.dtype), alpha: _options.Lambda * wEx);
                    grad.add_(axGradients![i], alpha: _options.Lambda * wAx);
                }
        }
        if (probe) RaiseProbe(epoch, b, t, exValue, axValue, wEx, wAx, null);
        _optimizer.step(_cores);
        return (t, exValue, axValue);
    }

    void RaiseProbe(int epoch, int b, double task, double ex, double ax, double wEx, double wAx, MapGradients[]? gradients) =>
        Probed!(new StepProbe(_step, epoch, b + 1, task, ex, ax, wEx, wAx,
            Model.Chain?.ToChainComplex(Tolerance.Absolute(_options.LossOptions.Epsilon)), gradients));

    /// <summary>(accuracy, mean cross-entropy) on the test set now.</summary>
    public (double Accuracy, double Loss) Evaluate() => Evaluation.Evaluate(Model, _test, _options.EvalBatchSize);

    /// <summary>Measures the final state: accuracy, and for a chain its homology, defects and spectrum.</summary>
    public FinalRecord Final()
    {
        var (accuracy, loss) = Evaluation.Evaluate(Model, _test, _options.EvalBatchSize);
        if (Model.Chain is not { } chain)
            return new FinalRecord(accuracy, loss, null, null, null, null, null, null, null, null, null, null, null);
        var complex = chain.ToChainComplex(Tolerance.Absolute(_options.LossOptions.Epsilon));
        double exactness;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            exactness = ExactnessLoss.Compute(chain.BoundaryMaps.Cast<Tensor>().ToArray(), _options.LossOptions).ToDouble();
        var spectra = Enumerable.Range(0, complex.Length).Select(complex.Spectrum).ToArray();
        return new FinalRecord(
            accuracy, loss,
            complex.BettiNumbers(),
            complex.HomologyDimensions(),
            complex.ExactnessDefects(),
            exactness,
            complex.ChainAxiomNorms(),
            spectra.Select(s => s.SingularValues).ToArray(),
            Enumerable.Range(0, complex.Length).Select(i => new[] { complex.Dimensions[i], complex.Dimensions[i + 1] }).ToArray(),
            spectra.Select(s => s.Rank).ToArray(),
            spectra.Select(s => s.Nullity).ToArray(),
            spectra.Select(s => s.SmallSingularValueCount).ToArray(),
            spectra.Select(s => s.MinSingularValue).ToArray(),
            RelativeNorms(complex));
    }

    /// <summary>||d_i d_(i+1)||_F / (||d_i||_F ||d_(i+1)||_F): the chain axiom's violation independent of the maps' scale.</summary>
    static double[] RelativeNorms(ChainComplex c) =>
        c.ChainAxiomNorms().Select((n, i) =>
        {
            double scale = Matrix.FrobeniusNorm(c.BoundaryMap(i)) * Matrix.FrobeniusNorm(c.BoundaryMap(i + 1));
            return scale > 0 ? n / scale : 0;
        }).ToArray();

    /// <summary>Saves the model's weights (TorchSharp format) atomically.</summary>
    public void SaveModel(string path) => AtomicFile.WriteVia(path, tmp => Model.save(tmp));

    long[] Permutation(int n)
    {
        var p = new long[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = _shuffle.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    /// <summary>Frees the model, optimiser and data tensors.</summary>
    public void Dispose()
    {
        _handWritten?.Dispose();
        _cores?.Dispose();
        _optimizer.Dispose();
        Model.Dispose();
        _train.Dispose();
        _test.Dispose();
    }
}
