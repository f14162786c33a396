namespace HomalgNN.Data;

/// <summary>No copy of a data set was found; the message says where we looked and how to get one.</summary>
public sealed class DataNotFoundException(string message) : Exception(message);
