using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>Gradients of the maps from each loss term separately, so that a dead regulariser is visible next to the task.</summary>
public static class GradientSplit
{
    /// <summary>grad of each term with respect to each map: result[term][map]; terms that do not depend on a map give zeros.</summary>
    public static Tensor[][] Split(IReadOnlyList<Tensor> maps, IReadOnlyList<Tensor> terms)
    {
        var result = new Tensor[terms.Count][];
        for (int t = 0; t < terms.Count; t++)
        {
            if (!terms[t].requires_grad)
            {
                result[t] = maps.Select(m => torch.zeros_like(m)).ToArray();
                continue;
            }
            var grads = torch.autograd.grad([terms[t]], maps.ToList(), retain_graph: true, allow_unused: true);
            result[t] = grads.Select((g, i) => g is null || g.IsInvalid ? torch.zeros_like(maps[i]) : g).ToArray();
        }
        return result;
    }

    /// <summary>Per-map norms: task, weighted exactness, weighted chain axiom, their vector sum, and unweighted exactness.</summary>
    public static MapGradients[] Norms(IReadOnlyList<Tensor> maps, Tensor task, Tensor exactnessTerm, Tensor axiomTerm, Tensor exactnessRaw)
    {
        var g = Split(maps, [task, exactnessTerm, axiomTerm, exactnessRaw]);
        return Enumerable.Range(0, maps.Count).Select(i => new MapGradients(
            g[0][i].norm().ToDouble(),
            g[1][i].norm().ToDouble(),
            g[2][i].norm().ToDouble(),
            (g[0][i] + g[1][i] + g[2][i]).norm().ToDouble(),
            g[3][i].norm().ToDouble())).ToArray();
    }
}
