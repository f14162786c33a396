namespace HomalgNN.Tests.Cli;

/// <summary>Tests that redirect Console.Out/Error share this collection so they never run in parallel.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
