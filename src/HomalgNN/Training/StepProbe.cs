using HomalgNN.Algebra;

namespace HomalgNN.Training;

/// <summary>The gradient norms of one boundary map, split by the loss term they come from (each from its own backward pass).</summary>
/// <param name="Task">||grad of the task loss||_F.</param>
/// <param name="Exactness">||grad of lambda w_ex L_exactness||_F: the exactness term as it enters the total loss.</param>
/// <param name="ChainAxiom">||grad of lambda w_ax L_chain_axiom||_F.</param>
/// <param name="Total">||grad of the total loss||_F (the three above add up to it as vectors).</param>
/// <param name="ExactnessUnweighted">||grad of L_exactness||_F alone, before lambda and the schedule: is the regulariser alive at all?</param>
public sealed record MapGradients(double Task, double Exactness, double ChainAxiom, double Total, double ExactnessUnweighted);

/// <summary>What a training step looked like, taken before the optimiser moved the weights.</summary>
/// <param name="Complex">A float64 snapshot of the chain (null for the baseline).</param>
/// <param name="Gradients">Per-map gradient norms by source, when asked for (null otherwise).</param>
public sealed record StepProbe(
    long Step, int Epoch, int Batch,
    double TaskLoss, double ExactnessLoss, double ChainAxiomLoss,
    double ExactnessWeight, double AxiomWeight,
    ChainComplex? Complex,
    MapGradients[]? Gradients);
