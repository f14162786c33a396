using System.Numerics;
using System.Runtime.InteropServices;

namespace HomalgNN.Analysis.Metrics;

/// <summary>
/// The L2-regularised multinomial logistic loss, divided by C n so its scale does not grow with the data:
/// f(W, b) = (1/n) sum_i [logsumexp(W x_i + b) - (W x_i + b)_{y_i}] + ||W||_F^2 / (2 C n).
/// Parameters are W (K x D, row-major) followed by b (K); b is not penalised, as in sklearn.
/// </summary>
internal sealed class SoftmaxObjective
{
    // A fixed number of row chunks, independent of the core count, so the summation order and hence the
    // optimiser's path are the same on every machine.
    private const int Chunks = 8;

    private readonly double[] _features;
    private readonly int[] _classes;
    private readonly int _samples;
    private readonly int _units;
    private readonly int _classCount;
    private readonly double _penalty;
    private readonly double[][] _chunkGradients;
    private readonly double[] _chunkLosses = new double[Chunks];

    public SoftmaxObjective(double[] features, int samples, int units, int[] classes, int classCount, double c)
    {
        (_features, _samples, _units, _classes, _classCount) = (features, samples, units, classes, classCount);
        _penalty = 1 / (c * samples);
        _chunkGradients = new double[Chunks][];
        for (var k = 0; k < Chunks; k++)
        {
            _chunkGradients[k] = new double[ParameterCount];
        }
    }

    /// <summary>K (D + 1) parameters.</summary>
    public int ParameterCount => _classCount * (_units + 1);

    /// <summary>f(theta), writing its gradient; one fused pass over the rows computes logits, loss and gradient.</summary>
    public double Evaluate(double[] theta, double[] gradient)
    {
        Parallel.For(0, Chunks, chunk => AccumulateChunk(theta, chunk));

        Array.Clear(gradient);
        var loss = 0.0;
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            loss += _chunkLosses[chunk];
            var partial = _chunkGradients[chunk];
            for (var k = 0; k < gradient.Length; k++)
            {
                gradient[k] += partial[k];
            }
        }

        var weightCount = _classCount * _units;
        var squaredNorm = 0.0;
        for (var k = 0; k < gradient.Length; k++)
        {
            gradient[k] /= _samples;
            if (k < weightCount)
            {
                gradient[k] += _penalty * theta[k];
                squaredNorm += theta[k] * theta[k];
            }
        }

        return (loss / _samples) + (0.5 * _penalty * squaredNorm);
    }

    private void AccumulateChunk(double[] theta, int chunk)
    {
        var (start, end) = (chunk * _samples / Chunks, (chunk + 1) * _samples / Chunks);
        var gradient = _chunkGradients[chunk];
        Array.Clear(gradient);
        var weightCount = _classCount * _units;
        var weights = theta.AsSpan(0, weightCount);
        var residuals = new double[RowBlockKernels.Rows * _classCount];
        var loss = 0.0;
        var i = start;
        for (; i + RowBlockKernels.Rows <= end; i += RowBlockKernels.Rows)
        {
            var rows = _features.AsSpan(i * _units, RowBlockKernels.Rows * _units);
            RowBlockKernels.Products(weights, _units, _classCount, rows, residuals);
            for (var r = 0; r < RowBlockKernels.Rows; r++)
            {
                loss += Residuals(theta, i + r, residuals.AsSpan(r * _classCount, _classCount), gradient);
            }

            RowBlockKernels.AccumulateOuter(gradient, _units, _classCount, residuals, rows);
        }

        for (; i < end; i++)
        {
            var row = _features.AsSpan(i * _units, _units);
            var single = residuals.AsSpan(0, _classCount);
            for (var k = 0; k < _classCount; k++)
            {
                single[k] = Dot(theta.AsSpan(k * _units, _units), row);
            }

            loss += Residuals(theta, i, single, gradient);
            for (var k = 0; k < _classCount; k++)
            {
                Axpy(single[k], row, gradient.AsSpan(k * _units, _units));
            }
        }

        _chunkLosses[chunk] = loss;
    }

    /// <summary>
    /// Turns W x_i (in <paramref name="values"/>) into the residuals softmax_k - [k = y_i], which are
    /// d loss_i / d logit_k, adds them to the intercept gradient, and returns loss_i.
    /// </summary>
    private double Residuals(double[] theta, int sample, Span<double> values, double[] gradient)
    {
        var weightCount = _classCount * _units;
        for (var k = 0; k < _classCount; k++)
        {
            values[k] += theta[weightCount + k];
        }

        var label = _classes[sample];
        var labelLogit = values[label];
        var shift = Max(values);
        var normaliser = 0.0;
        for (var k = 0; k < _classCount; k++)
        {
            // Each exponential serves both the normaliser and the softmax, so compute it once in place.
            values[k] = Math.Exp(values[k] - shift);
            normaliser += values[k];
        }

        for (var k = 0; k < _classCount; k++)
        {
            values[k] = (values[k] / normaliser) - (k == label ? 1 : 0);
            gradient[weightCount + k] += values[k];
        }

        return shift + Math.Log(normaliser) - labelLogit;
    }

    /// <summary>W x + b for one row, for parameters laid out as W (K x D, row-major) then b (K).</summary>
    internal static void Logits(double[] theta, int units, int classCount, ReadOnlySpan<double> row, Span<double> logits)
    {
        var weightCount = classCount * units;
        for (var k = 0; k < classCount; k++)
        {
            logits[k] = theta[weightCount + k] + Dot(theta.AsSpan(k * units, units), row);
        }
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    /// <summary>Dot product; four accumulators hide the FMA latency that one dependency chain would expose.</summary>
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var xs = MemoryMarshal.Cast<double, Vector<double>>(a);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(b)[..xs.Length];
        var (acc0, acc1, acc2, acc3) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
        var k = 0;
        for (; k + 4 <= xs.Length; k += 4)
        {
            acc0 += xs[k] * ys[k];
            acc1 += xs[k + 1] * ys[k + 1];
            acc2 += xs[k + 2] * ys[k + 2];
            acc3 += xs[k + 3] * ys[k + 3];
        }

        for (; k < xs.Length; k++)
        {
            acc0 += xs[k] * ys[k];
        }

        var sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
        for (k = xs.Length * Vector<double>.Count; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private static void Axpy(double scale, ReadOnlySpan<double> x, Span<double> y)
    {
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
        var factor = new Vector<double>(scale);
        for (var k = 0; k < xs.Length; k++)
        {
            ys[k] += factor * xs[k];
        }

        for (var k = xs.Length * Vector<double>.Count; k < x.Length; k++)
        {
            y[k] += scale * x[k];
        }
    }
}
