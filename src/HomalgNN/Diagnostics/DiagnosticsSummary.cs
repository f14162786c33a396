using System.Globalization;

namespace HomalgNN.Diagnostics;

/// <summary>Reads the recorded diagnostics and says in words what they show (the figure's caption, computed from the numbers).</summary>
public static class DiagnosticsSummary
{
    /// <summary>The smallest Betti vector (study convention) that maps of these dimensions can reach: full ranks, images aligned with kernels.</summary>
    public static int[] MinimalBetti(IReadOnlyList<int> dims)
    {
        int k = dims.Count - 1;
        var min = new int[k];
        for (int i = 0; i < k; i++)
        {
            int nullity = Math.Max(0, dims[i + 1] - dims[i]);
            int imageAbove = i + 1 < k ? Math.Min(dims[i + 1], dims[i + 2]) : 0;
            min[i] = Math.Max(0, nullity - imageAbove);
        }
        return min;
    }

    /// <summary>Sentences describing the run, most important first.</summary>
    public static List<string> Explain(IReadOnlyList<DiagnosticRecord> records, IReadOnlyList<int> dims, double epsilon)
    {
        var lines = new List<string>();
        if (records.Count == 0) return ["no steps were logged"];
        var c = CultureInfo.InvariantCulture;
        var first = records[0];
        var last = records[^1];
        int k = dims.Count - 1;

        // 1. Betti numbers: did they move, and could they?
        var minimal = MinimalBetti(dims);
        bool constant = records.All(r => r.Betti.SequenceEqual(first.Betti));
        lines.Add(constant
            ? $"Betti numbers stayed [{string.Join(",", first.Betti)}] at all {records.Count} logged steps."
            : $"Betti numbers moved from [{string.Join(",", first.Betti)}] to [{string.Join(",", last.Betti)}].");
        for (int i = 0; i < k; i++)
            if (minimal[i] > 0)
                lines.Add(last.Betti[i] == minimal[i]
                    ? $"b_{i} = {last.Betti[i]} cannot move for dimensional reasons: ker d_{i} has dimension >= n_{i + 1} - n_{i} = {dims[i + 1] - dims[i]}" +
                      (i + 1 < k ? $" and im d_{i + 1} covers at most {Math.Min(dims[i + 1], dims[i + 2])} of it" : " and nothing maps into C_" + (i + 1)) +
                      $", so b_{i} >= {minimal[i]} for any weights; it is already at that minimum."
                    : $"b_{i} = {last.Betti[i]}, above its dimensional minimum {minimal[i]}.");
        if (minimal.Sum() > 0)
            lines.Add($"Betti [{string.Join(",", Enumerable.Repeat(0, k))}] is unreachable for dimensions [{string.Join(",", dims)}]; the minimum is [{string.Join(",", minimal)}].");

        // 2. Gradient flow by source.
        for (int i = 0; i < k; i++)
        {
            var ratios = records.Select(r => r.Maps[i].Gradients).Where(g => g.Task > 0)
                .Select(g => g.Exactness / g.Task).Where(double.IsFinite).OrderBy(x => x).ToArray();
            if (ratios.Length == 0) continue;
            double median = ratios[ratios.Length / 2];
            double task = records.Select(r => r.Maps[i].Gradients.Task).OrderBy(x => x).ElementAt(records.Count / 2);
            double raw = records.Select(r => r.Maps[i].Gradients.ExactnessUnweighted).OrderBy(x => x).ElementAt(records.Count / 2);
            if (median <= 0)
                lines.Add(string.Format(c, "d_{0}: the exactness term's gradient is exactly 0 at the median logged step (task {1:0.0e+0}): every singular value sits where the soft mask is exactly 1 and flat (above 32 eps), so the soft projectors are locally constant and the regulariser cannot move this map at all.",
                    i, task));
            else if (median < 1e-3)
                lines.Add(string.Format(c, "d_{0}: the exactness term's gradient is {1:0.0e+0} of the task's (median; task {2:0.0e+0}, exactness loss alone {3:0.0e+0}): {4} orders of magnitude below, so the regulariser is numerically inert on this map.",
                    i, median, task, raw, Math.Floor(-Math.Log10(median)).ToString(c)));
            else
                lines.Add(string.Format(c, "d_{0}: the exactness term's gradient is {1:0.0e+0} of the task's (median): it acts.", i, median));
        }

        // 3. Ranks and singular values against eps.
        bool fullRank = records.All(r => r.Maps.Select((m, i) => m.Rank == Math.Min(dims[i], dims[i + 1])).All(x => x));
        double smallest = records.SelectMany(r => r.Maps).SelectMany(m => m.SingularValues).DefaultIfEmpty(0).Min();
        if (fullRank && smallest >= 10 * epsilon)
            lines.Add(string.Format(c, "Every map stayed full rank at every logged step; the smallest singular value seen was {0:0.###e+0} = {1:0.#}x eps: nothing approached the threshold, so no rank could drop.", smallest, smallest / epsilon));
        else if (fullRank)
            lines.Add(string.Format(c, "Every map stayed full rank at every logged step, but the smallest singular value seen was {0:0.###e+0} = {1:0.#}x eps: close to the threshold, where a rank can drop between logged steps.", smallest, smallest / epsilon));
        else
            lines.Add($"Ranks at the last step: [{string.Join(",", last.Maps.Select(m => m.Rank))}] (full rank would be [{string.Join(",", Enumerable.Range(0, k).Select(i => Math.Min(dims[i], dims[i + 1])))}]).");
        lines.Add($"Kernel dimensions (nullity) [{string.Join(",", last.Maps.Select(m => m.Nullity))}] are not the counts of small singular values [{string.Join(",", last.Maps.Select(m => m.SmallSingularValues))}]: a wide map has a kernel without small singular values.");

        // 4. What the defects mean.
        var gaps = Enumerable.Range(0, last.Defects.Length).Select(i => (double)Math.Abs(last.Maps[i].Nullity - last.Maps[i + 1].Rank)).ToArray();
        if (last.Defects.Length > 0 && last.Defects.Zip(gaps).All(p => Math.Abs(p.First - p.Second) < 1e-6))
            lines.Add($"Defects [{string.Join(", ", last.Defects.Select(d => d.ToString("0.###", c)))}] equal the dimension gaps |dim ker d_i - dim im d_(i+1)|: every principal angle is zero, so the smaller subspace lies inside the larger (ker d_i inside im d_(i+1)), not orthogonal to it; the defect counts dimensions, not misalignment.");
        else if (last.Defects.Length > 0)
            lines.Add($"Defects [{string.Join(", ", last.Defects.Select(d => d.ToString("0.###", c)))}] against dimension gaps [{string.Join(", ", gaps)}]: the excess is misalignment (sin^2 of principal angles).");

        lines.Add(string.Format(c, "Chain axiom: ||d_i d_(i+1)||_F went from [{0}] to [{1}].",
            string.Join(", ", first.ChainAxiomNorms.Select(x => x.ToString("0.###", c))), string.Join(", ", last.ChainAxiomNorms.Select(x => x.ToString("0.###", c)))));
        return lines;
    }
}
