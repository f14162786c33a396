namespace HomalgNN.Algebra.Feasibility;

/// <summary>Turns the two minima into sentences that say why they hold.</summary>
internal static class FeasibilityExplanation
{
    public static IReadOnlyList<string> Lines(int[] n, StudyConventionMinimum study, ChainComplexMinimum chain)
    {
        int k = n.Length - 1;
        var lines = new List<string>
        {
            $"dimensions {Vector(n)}: maps d_i : C_{{i+1}} -> C_i for i = 0..{k - 1}, d_i an n_i x n_{{i+1}} matrix",
            "study convention (b_i = dim ker d_i - dim(ker d_i ∩ im d_{i+1}), chain axiom not required):",
            "  ker d_i has dimension n_{i+1} - rank d_i and im d_{i+1} covers at most rank d_{i+1} of it, so b_i >= n_{i+1} - rank d_i - rank d_{i+1}, with rank d_i <= min(n_i, n_{i+1}) and d_k = 0",
        };
        string zero = Vector(new int[k]);
        for (int i = 0; i < k; i++)
        {
            if (study.BettiNumbers[i] == 0) continue;
            string reason = i == k - 1
                ? $"b_{i} >= n_{i + 1} - n_{i} = {n[i + 1]} - {n[i]} = {study.BettiNumbers[i]} for any d_{i}"
                : $"b_{i} >= n_{i + 1} - min(n_{i}, n_{i + 1}) - min(n_{i + 1}, n_{i + 2}) = {n[i + 1]} - {study.Ranks[i]} - {study.Ranks[i + 1]} = {study.BettiNumbers[i]} for any d_{i}, d_{i + 1}";
            lines.Add($"  {reason}: {zero} is unreachable");
        }
        if (study.Sum == 0) lines.Add($"  {zero} is reachable: these dimensions allow ker d_i = im d_{{i+1}} everywhere");
        lines.Add($"  minimum {Vector(study.BettiNumbers)} (sum {study.Sum}), reached with full rank everywhere, ranks {Vector(study.Ranks)}, and im d_{{i+1}} placed inside ker d_i as far as it fits; no choice of maps does better in any entry");

        lines.Add("chain complex (d_i d_{i+1} = 0, so im d_{i+1} ⊆ ker d_i and rank d_i + rank d_{i+1} <= n_{i+1}):");
        lines.Add($"  minimal total homology {chain.TotalHomology} over C_0..C_{k}, Betti numbers {Vector(chain.BettiNumbers)}, with ranks {Vector(chain.Ranks)}");
        string terms = string.Join(" ", n.Select((d, j) => j == 0 ? $"{d}" : j % 2 == 0 ? $"+ {d}" : $"- {d}"));
        string verdict = chain.AttainsEulerBound
            ? "attained"
            : $"not attained: the rank constraints leave at least {chain.TotalHomology}";
        lines.Add($"  Euler characteristic chi = {terms} = {chain.EulerCharacteristic}; total homology >= |chi| = {Math.Abs(chain.EulerCharacteristic)}: {verdict}");
        lines.Add(chain.TotalHomology == 0
            ? "  an exact sequence fits these dimensions: all homology can vanish"
            : $"  no chain complex with these dimensions is exact everywhere: at least {chain.TotalHomology} dimensions of homology remain");
        return lines;
    }

    private static string Vector(IEnumerable<int> values) => $"[{string.Join(", ", values)}]";
}
