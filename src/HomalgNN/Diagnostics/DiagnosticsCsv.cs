using System.Globalization;
using System.Text;

namespace HomalgNN.Diagnostics;

/// <summary>diagnostics.csv: one row per logged step and map (spectra summarised; the full spectra are in diagnostics.json).</summary>
public static class DiagnosticsCsv
{
    /// <summary>The CSV text.</summary>
    public static string Write(IReadOnlyList<DiagnosticRecord> records)
    {
        var sb = new StringBuilder("step,epoch,map,rank,nullity,small_singular_values,min_singular_value,max_singular_value," +
                                   "grad_task,grad_exactness,grad_chain_axiom,grad_total,grad_exactness_unweighted,betti,defect,chain_axiom_norm,task_loss,exactness_loss,chain_axiom_loss\n");
        var c = CultureInfo.InvariantCulture;
        foreach (var r in records)
            for (int i = 0; i < r.Maps.Length; i++)
            {
                var m = r.Maps[i];
                var g = m.Gradients;
                string defect = i < r.Defects.Length ? r.Defects[i].ToString("R", c) : "";
                string axiom = i < r.ChainAxiomNorms.Length ? r.ChainAxiomNorms[i].ToString("R", c) : "";
                sb.Append(c, $"{r.Step},{r.Epoch},{i},{m.Rank},{m.Nullity},{m.SmallSingularValues},{m.SingularValues.DefaultIfEmpty().Min():R},{m.SingularValues.DefaultIfEmpty().Max():R},");
                sb.Append(c, $"{g.Task:R},{g.Exactness:R},{g.ChainAxiom:R},{g.Total:R},{g.ExactnessUnweighted:R},{r.Betti[i]},{defect},{axiom},{r.TaskLoss:R},{r.ExactnessLoss:R},{r.ChainAxiomLoss:R}\n");
            }
        return sb.ToString();
    }
}
