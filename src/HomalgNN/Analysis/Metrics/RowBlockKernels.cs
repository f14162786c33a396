using System.Numerics;
using System.Runtime.InteropServices;

namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// The two products of the softmax objective on four consecutive rows at once, Z = X W^T and G += R^T X. Blocking
/// four rows lets each loaded weight (forward) or gradient (backward) vector serve four multiply-adds, which
/// roughly halves the time of the row-by-row loops, whose speed was bound by loads, stores and FMA latency.
/// </summary>
internal static class RowBlockKernels
{
    /// <summary>Rows per block.</summary>
    public const int Rows = 4;

    /// <summary>logits[r * K + k] = w_k . x_r for the four rows stored consecutively in <paramref name="rows"/>.</summary>
    public static void Products(ReadOnlySpan<double> weights, int units, int classCount, ReadOnlySpan<double> rows, Span<double> logits)
    {
        Split(rows, units, out var x0, out var x1, out var x2, out var x3, out var v0, out var v1, out var v2, out var v3);
        var tail = v0.Length * Vector<double>.Count;
        for (var k = 0; k < classCount; k++)
        {
            var w = weights.Slice(k * units, units);
            var wv = AsVectors(w)[..v0.Length];
            var (a0, a1, a2, a3) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
            for (var c = 0; c < wv.Length; c++)
            {
                var wc = wv[c];
                a0 += wc * v0[c];
                a1 += wc * v1[c];
                a2 += wc * v2[c];
                a3 += wc * v3[c];
            }

            var (s0, s1, s2, s3) = (Vector.Sum(a0), Vector.Sum(a1), Vector.Sum(a2), Vector.Sum(a3));
            for (var u = tail; u < units; u++)
            {
                s0 += w[u] * x0[u];
                s1 += w[u] * x1[u];
                s2 += w[u] * x2[u];
                s3 += w[u] * x3[u];
            }

            logits[k] = s0;
            logits[classCount + k] = s1;
            logits[(2 * classCount) + k] = s2;
            logits[(3 * classCount) + k] = s3;
        }
    }

    /// <summary>gradient[k] += sum_r residuals[r * K + k] x_r for the four rows stored consecutively in <paramref name="rows"/>.</summary>
    public static void AccumulateOuter(Span<double> gradient, int units, int classCount, ReadOnlySpan<double> residuals, ReadOnlySpan<double> rows)
    {
        Split(rows, units, out var x0, out var x1, out var x2, out var x3, out var v0, out var v1, out var v2, out var v3);
        var tail = v0.Length * Vector<double>.Count;
        for (var k = 0; k < classCount; k++)
        {
            var (r0, r1, r2, r3) = (residuals[k], residuals[classCount + k], residuals[(2 * classCount) + k], residuals[(3 * classCount) + k]);
            var g = gradient.Slice(k * units, units);
            var gv = MemoryMarshal.Cast<double, Vector<double>>(g)[..v0.Length];
            var (f0, f1, f2, f3) = (new Vector<double>(r0), new Vector<double>(r1), new Vector<double>(r2), new Vector<double>(r3));
            for (var c = 0; c < gv.Length; c++)
            {
                gv[c] += (f0 * v0[c]) + (f1 * v1[c]) + (f2 * v2[c]) + (f3 * v3[c]);
            }

            for (var u = tail; u < units; u++)
            {
                g[u] += (r0 * x0[u]) + (r1 * x1[u]) + (r2 * x2[u]) + (r3 * x3[u]);
            }
        }
    }

    private static ReadOnlySpan<Vector<double>> AsVectors(ReadOnlySpan<double> values) =>
        MemoryMarshal.Cast<double, Vector<double>>(values);

    /// <summary>
    /// The four consecutive rows of a block as separate spans of doubles and of whole SIMD vectors, returned as locals
    /// so the JIT can keep them in registers.
    /// </summary>
    private static void Split(
        ReadOnlySpan<double> rows,
        int units,
        out ReadOnlySpan<double> x0,
        out ReadOnlySpan<double> x1,
        out ReadOnlySpan<double> x2,
        out ReadOnlySpan<double> x3,
        out ReadOnlySpan<Vector<double>> v0,
        out ReadOnlySpan<Vector<double>> v1,
        out ReadOnlySpan<Vector<double>> v2,
        out ReadOnlySpan<Vector<double>> v3)
    {
        x0 = rows[..units];
        x1 = rows.Slice(units, units);
        x2 = rows.Slice(2 * units, units);
        x3 = rows.Slice(3 * units, units);
        v0 = AsVectors(x0);
        v1 = AsVectors(x1)[..v0.Length];
        v2 = AsVectors(x2)[..v0.Length];
        v3 = AsVectors(x3)[..v0.Length];
    }
}
