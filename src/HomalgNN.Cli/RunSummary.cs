using HomalgNN.Training;
using Spectre.Console;

namespace HomalgNN.Cli;

/// <summary>Prints the end-of-training summary: accuracy, Betti numbers, defects and each map's spectrum.</summary>
public static class RunSummary
{
    public static void Print(RunResult result)
    {
        var f = result.Final!;
        AnsiConsole.MarkupLine(Markup.Escape($"final test accuracy {f.TestAccuracy * 100:F2}%  ({result.TotalSeconds:F1} s in all)"));
        if (f.Betti is null) return;
        AnsiConsole.MarkupLine(Markup.Escape($"Betti numbers (H at C_1..C_k) [{string.Join(",", f.Betti)}]   full homology H(C_0..C_k) [{string.Join(",", f.Homology!)}]"));
        AnsiConsole.MarkupLine(Markup.Escape($"exactness defects (subspace distance) [{string.Join(", ", f.Defects!.Select(d => d.ToString("F4")))}]   exactness loss {f.ExactnessLoss:F4}"));
        var table = new Table().AddColumns("map", "shape", "rank", "nullity", "#sv < eps", "min sv", "||d_i d_i+1||_F");
        for (int i = 0; i < f.Ranks!.Length; i++)
            table.AddRow($"d_{i}", $"{f.Shapes![i][0]}x{f.Shapes[i][1]}", $"{f.Ranks[i]}", $"{f.Nullities![i]}", $"{f.SmallSingularValues![i]}",
                $"{f.MinSingularValues![i]:G4}", i < f.ChainAxiomNorms!.Length ? $"{f.ChainAxiomNorms[i]:G4}" : "-");
        AnsiConsole.Write(table);
    }
}
