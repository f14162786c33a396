using HomalgNN.Nn;

namespace HomalgNN.Training;

/// <summary>Everything that determines a training run (with the data set, the seed makes it reproducible).</summary>
/// <param name="Network">Architecture and precision.</param>
/// <param name="Lambda">Weight of the homological regulariser: total = task + lambda (w_ex L_ex + w_ax L_ax).</param>
/// <param name="Epochs">Passes over the training data.</param>
/// <param name="BatchSize">Images per optimiser step.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="Seed">Seeds the weights, the shuffling and dropout.</param>
/// <param name="Loss">Exactness loss settings (its epsilon is also the homology tolerance).</param>
/// <param name="Schedule">Annealing of the exactness and chain-axiom weights.</param>
/// <param name="WeightDecay">Adam's L2 weight decay (0 = none).</param>
/// <param name="TrainLimit">Use only this many training images (a seeded stratified subset), or null for all.</param>
/// <param name="MonitorEvery">Record homology and losses every N optimiser steps (0 = at the end of each epoch only).</param>
/// <param name="TensorBoardDir">Folder for TensorBoard event files, or null.</param>
/// <param name="NormalizedAxiom">Divide each chain-axiom term by ||d_i||_F^2 ||d_{i+1}||_F^2 so that shrinking the maps cannot satisfy it.</param>
public sealed record TrainingOptions(
    NetworkConfig Network,
    double Lambda = 0.5,
    int Epochs = 15,
    int BatchSize = 128,
    double LearningRate = 1e-3,
    int Seed = 0,
    ExactnessLossOptions? Loss = null,
    LossSchedule? Schedule = null,
    double WeightDecay = 0.0,
    int? TrainLimit = null,
    int EvalBatchSize = 1000,
    int MonitorEvery = 0,
    string? TensorBoardDir = null,
    bool NormalizedAxiom = false)
{
    /// <summary>The exactness loss settings in force.</summary>
    public ExactnessLossOptions LossOptions => Loss ?? new ExactnessLossOptions();

    /// <summary>The schedule in force.</summary>
    public LossSchedule ScheduleOrDefault => Schedule ?? LossSchedule.Recommended;

    /// <summary>Rejects impossible values with a message naming the flag.</summary>
    public void Validate()
    {
        Network.Validate();
        if (!double.IsFinite(Lambda) || Lambda < 0) throw new ArgumentException($"--lambda must be a finite number >= 0, got {Lambda}");
        if (Epochs < 1) throw new ArgumentException($"--epochs must be at least 1, got {Epochs}");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1, got {BatchSize}");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) throw new ArgumentException($"--lr must be a positive number, got {LearningRate}");
        if (!double.IsFinite(LossOptions.Epsilon) || LossOptions.Epsilon <= 0) throw new ArgumentException($"--epsilon must be a positive number, got {LossOptions.Epsilon}");
        if (!double.IsFinite(WeightDecay) || WeightDecay < 0) throw new ArgumentException($"--weight-decay must be >= 0, got {WeightDecay}");
        if (TrainLimit is < 1) throw new ArgumentException($"--train-limit must be at least 1, got {TrainLimit}");
    }
}
