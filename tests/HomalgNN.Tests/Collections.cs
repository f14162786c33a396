namespace HomalgNN.Tests;

/// <summary>Tests that train networks run one after another: dropout and shuffling draw from torch's process-wide generator, and two cores are better used by one training at a time.</summary>
[CollectionDefinition("Training", DisableParallelization = true)]
public sealed class TrainingCollection;
