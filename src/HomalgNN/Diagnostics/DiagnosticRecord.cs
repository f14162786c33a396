using HomalgNN.Training;

namespace HomalgNN.Diagnostics;

/// <summary>One boundary map at one logged step: its whole spectrum and where its gradient comes from.</summary>
/// <param name="SingularValues">All singular values, descending.</param>
/// <param name="Rank">Singular values at or above eps.</param>
/// <param name="Nullity">dim ker d_i = n_{i+1} - rank.</param>
/// <param name="SmallSingularValues">Singular values below eps (not the nullity: a wide map has kernel without small values).</param>
public sealed record MapDiagnostics(double[] SingularValues, int Rank, int Nullity, int SmallSingularValues, MapGradients Gradients);

/// <summary>Everything `diagnose` records at one logged step.</summary>
public sealed record DiagnosticRecord(
    long Step, int Epoch,
    double TaskLoss, double ExactnessLoss, double ChainAxiomLoss,
    double ExactnessWeight, double AxiomWeight,
    int[] Betti, double[] Defects, double[] ChainAxiomNorms,
    MapDiagnostics[] Maps);
