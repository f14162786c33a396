using System.Numerics;
using System.Runtime.InteropServices;
using HomalgNN.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>
/// Adam with PyTorch's update rule and defaults (beta1 0.9, beta2 0.999, eps 1e-8, L2 weight decay added to the gradient),
/// applied to each parameter in a single vectorised pass over its memory.
/// </summary>
/// <remarks>
/// torch.optim.Adam's step is eight whole-tensor operations per parameter (mul_, add_, mul_, addcmul_, sqrt, div, add_,
/// addcdiv_), each a full pass over memory plus a temporary; for the study's 580,000 float64 weights that is most of a
/// millisecond-scale budget spent streaming the same arrays. Here every element is read and written once, with the
/// same arithmetic in the same order. Non-contiguous parameters (none in our networks) fall back to tensor operations.
/// </remarks>
public sealed class FusedAdam : IDisposable
{
    readonly Parameter[] _parameters;
    readonly Tensor[] _m, _v;
    readonly double _lr, _beta1, _beta2, _eps, _weightDecay;
    long _step;

    /// <summary>An optimiser for <paramref name="parameters"/> with PyTorch's defaults.</summary>
    public FusedAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
    {
        _parameters = parameters.ToArray();
        _m = _parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope()).ToArray();
        _v = _parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope()).ToArray();
        (_lr, _beta1, _beta2, _eps, _weightDecay) = (lr, beta1, beta2, eps, weightDecay);
    }

    /// <summary>Drops every gradient (PyTorch's set_to_none): backward then hands over its result instead of adding it to zeros.</summary>
    public void zero_grad()
    {
        foreach (var p in _parameters) p.grad = null;
    }

    /// <summary>
    /// One Adam update of every parameter that has a gradient; with <paramref name="cores"/>, each thread updates one half of
    /// every parameter's elements (the update is element by element, so the numbers do not depend on the split).
    /// </summary>
    public void step(CorePair? cores = null)
    {
        _step++;
        double bias1 = 1 - Math.Pow(_beta1, _step), bias2 = 1 - Math.Pow(_beta2, _step);
        var c = new Coefficients(_beta1, _beta2, _lr / bias1, Math.Sqrt(bias2), _eps, _weightDecay);
        using var noGrad = torch.no_grad();
        var fused = new List<(Tensor P, Tensor G, Tensor M, Tensor V)>();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.grad is not { } g) continue;
            if (!p.is_contiguous() || !g.is_contiguous() || p.dtype is not (ScalarType.Float64 or ScalarType.Float32)) Fallback(p, g, _m[i], _v[i], c);
            else fused.Add((p, g, _m[i], _v[i]));
        }
        if (cores is { IsParallel: true }) cores.Both(half => UpdateAll(fused, c, half, 2));
        else UpdateAll(fused, c, 0, 1);
    }

    static void UpdateAll(List<(Tensor P, Tensor G, Tensor M, Tensor V)> tensors, Coefficients c, int part, int parts)
    {
        foreach (var (p, g, m, v) in tensors)
        {
            long n = p.numel();
            // Part boundaries on multiples of 64 elements keep every part's vectors whole.
            long per = (n / parts + 63) / 64 * 64;
            int start = (int)Math.Min(n, part * per), end = part == parts - 1 ? (int)n : (int)Math.Min(n, (part + 1) * per);
            if (start >= end) continue;
            if (p.dtype == ScalarType.Float64) Update<double>(p, g, m, v, c, start, end - start);
            else Update<float>(p, g, m, v, c, start, end - start);
        }
    }

    readonly record struct Coefficients(double Beta1, double Beta2, double StepSize, double Bias2Sqrt, double Eps, double WeightDecay);

    static void Update<T>(Tensor param, Tensor grad, Tensor m, Tensor v, Coefficients c, int start, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = MemoryMarshal.Cast<byte, T>(param.bytes).Slice(start, length);
        var g = MemoryMarshal.Cast<byte, T>(grad.bytes).Slice(start, length);
        var ms = MemoryMarshal.Cast<byte, T>(m.bytes).Slice(start, length);
        var vs = MemoryMarshal.Cast<byte, T>(v.bytes).Slice(start, length);
        T b1 = T.CreateChecked(c.Beta1), a1 = T.CreateChecked(1 - c.Beta1);
        T b2 = T.CreateChecked(c.Beta2), a2 = T.CreateChecked(1 - c.Beta2);
        T step = T.CreateChecked(-c.StepSize), bias2 = T.CreateChecked(c.Bias2Sqrt), eps = T.CreateChecked(c.Eps), wd = T.CreateChecked(c.WeightDecay);
        bool decay = c.WeightDecay != 0;
        int n = p.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var pv = MemoryMarshal.Cast<T, Vector<T>>(p);
            var gv = MemoryMarshal.Cast<T, Vector<T>>(g);
            var mv = MemoryMarshal.Cast<T, Vector<T>>(ms);
            var vv = MemoryMarshal.Cast<T, Vector<T>>(vs);
            for (int j = 0; j < pv.Length; j++)
            {
                var gj = decay ? gv[j] + pv[j] * wd : gv[j];
                var mj = mv[j] * b1 + gj * a1;
                var vj = vv[j] * b2 + gj * gj * a2;
                mv[j] = mj;
                vv[j] = vj;
                pv[j] += mj / (Vector.SquareRoot(vj) / bias2 + new Vector<T>(eps)) * step;
            }
            i = pv.Length * Vector<T>.Count;
        }
        for (; i < n; i++)
        {
            var gi = decay ? g[i] + p[i] * wd : g[i];
            ms[i] = ms[i] * b1 + gi * a1;
            vs[i] = vs[i] * b2 + gi * gi * a2;
            p[i] += ms[i] / (T.Sqrt(vs[i]) / bias2 + eps) * step;
        }
    }

    static void Fallback(Tensor p, Tensor g, Tensor m, Tensor v, Coefficients c)
    {
        using var scope = torch.NewDisposeScope();
        if (c.WeightDecay != 0) g = g.add(p, alpha: c.WeightDecay);
        m.mul_(c.Beta1).add_(g, alpha: 1 - c.Beta1);
        v.mul_(c.Beta2).addcmul_(g, g, value: 1 - c.Beta2);
        p.addcdiv_(m, v.sqrt() / c.Bias2Sqrt + c.Eps, value: -c.StepSize);
    }

    /// <summary>The first and second moment estimates, one pair per parameter, in the parameters' order (for checkpoints).</summary>
    public IReadOnlyList<Tensor> Moments => [.. _m, .. _v];

    /// <summary>Restores the update count after the moments were copied back from a checkpoint.</summary>
    public void Resume(long steps) => _step = steps >= 0 ? steps : throw new ArgumentOutOfRangeException(nameof(steps), steps, "a step count cannot be negative");

    /// <summary>Frees the moment estimates.</summary>
    public void Dispose()
    {
        foreach (var t in _m.Concat(_v)) t.Dispose();
    }
}
