using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Benchmarks;

/// <summary>The machine's dense matrix-multiply speed through libtorch, the yardstick for the physical floor.</summary>
public static class MatmulThroughput
{
    /// <summary>FLOP/s of an n x n by n x n product in <paramref name="dtype"/> (best of a few repetitions, after a warm-up).</summary>
    public static double Measure(ScalarType dtype, int n = 1024, int repetitions = 8)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(n, n, dtype: dtype);
        var b = torch.randn(n, n, dtype: dtype);
        a.matmul(b).Dispose();
        double best = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            a.matmul(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best;
    }
}
