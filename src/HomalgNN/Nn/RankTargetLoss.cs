using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// Pushes down exactly the singular values that must vanish for target ranks: sum over maps of sum_{j >= r_i} s_j(d_i)^2
/// = ||d_i V_tail||_F^2 with V_tail the trailing right singular vectors (held constant), whose gradient 2 d_i V_tail V_tail^T
/// is the true one whenever s_{r_i - 1} > s_{r_i}, and never NaN.
/// </summary>
public static class RankTargetLoss
{
    /// <summary>The loss for maps d_0..d_{k-1} and target ranks r_0..r_{k-1}.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> maps, IReadOnlyList<int> targetRanks)
    {
        if (targetRanks.Count != maps.Count) throw new ArgumentException($"{targetRanks.Count} target ranks for {maps.Count} maps");
        Tensor total = torch.zeros([], dtype: maps[0].dtype);
        for (int i = 0; i < maps.Count; i++)
        {
            int r = targetRanks[i];
            if (r < 0 || r > Math.Min(maps[i].shape[0], maps[i].shape[1]))
                throw new ArgumentException($"target rank {r} is impossible for d_{i} of shape {maps[i].shape[0]}x{maps[i].shape[1]}");
            if (r == Math.Min(maps[i].shape[0], maps[i].shape[1])) continue;
            Tensor tail;
            using (torch.no_grad())
            {
                var (_, _, vh) = torch.linalg.svd(maps[i].detach(), fullMatrices: false);
                tail = vh[r.., ..].t().contiguous();
            }
            total = total + maps[i].matmul(tail).square().sum();
        }
        return total;
    }

    /// <summary>The ranks of a chain complex with the least total homology, as the feasibility analysis assigns them (cached per dims).</summary>
    public static int[] FeasibilityTargets(IReadOnlyList<int> dims)
    {
        var key = string.Join(",", dims);
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var r))
                Cache[key] = r = Algebra.Feasibility.FeasibilityAnalysis.For(dims).ChainComplex.Ranks.ToArray();
            return r;
        }
    }

    static readonly Dictionary<string, int[]> Cache = [];

    /// <summary>Ranks for a genuine chain complex of maximal total rank, chosen from the top map down so that homology collects at C_0 (study-convention Betti numbers 0 where possible).</summary>
    public static int[] ExactTargetsFromTop(IReadOnlyList<int> dims)
    {
        int k = dims.Count - 1;
        var r = new int[k];
        for (int i = k - 1; i >= 0; i--)
            r[i] = Math.Min(dims[i], dims[i + 1] - (i + 1 < k ? r[i + 1] : 0));
        return r;
    }
}
