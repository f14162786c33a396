using HomalgNN.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>
/// The task loss of the study's network and its gradient with respect to every weight, written out by hand, the large
/// matrix products shared by the two threads of a <see cref="CorePair"/>: the same mathematics as autograd on
/// <see cref="StudyNetwork.forward"/>, equal to rounding.
/// </summary>
/// <remarks>
/// Activations are kept transposed (features x batch), so that half of a layer's output units is a contiguous block of
/// rows: each thread writes its half of an activation, of a weight gradient and of the gradient passed down in place,
/// with no copies or joins. The encoder's three largest products per layer (forward, weight gradient, input gradient) are
/// split by output rows; the chain, bridge and head are small and run on the calling thread.
/// Only what the study trains is covered: a ReLU encoder without dropout, a linear chain without bypass, ReLU bridge,
/// linear head, cross-entropy (<see cref="Supports"/>); the trainer uses autograd for anything else.
/// </remarks>
internal sealed class StudyStep : IDisposable
{
    readonly StudyNetwork _model;
    readonly CorePair _cores;
    readonly Linear[] _encoder;
    readonly Linear _bridge, _head;
    readonly Parameter[] _maps;
    readonly ScalarType _layerType, _chainType;
    readonly Parameter[] _parameters;
    readonly Dictionary<Parameter, Tensor> _gradients = new(ReferenceEqualityComparer.Instance);

    /// <summary>A step for <paramref name="model"/>, which must pass <see cref="Supports"/>.</summary>
    public StudyStep(StudyNetwork model, CorePair cores)
    {
        if (!Supports(model)) throw new ArgumentException("the hand-written step covers the study's network only: a linear chain, ReLU layers, no dropout");
        _model = model;
        _cores = cores;
        _encoder = model.EncoderLayers.ToArray();
        _bridge = model.BridgeLayer;
        _head = model.HeadLayer;
        _maps = model.Chain!.BoundaryMaps.ToArray();
        _layerType = model.LayerType;
        _chainType = _maps[0].dtype;
        _parameters = [.. _encoder.SelectMany(l => new[] { l.weight!, l.bias! }), .. _maps, _bridge.weight!, _bridge.bias!, _head.weight!, _head.bias!];
        if (_parameters.Length != model.parameters().Count()) throw new ArgumentException("the network has weights the hand-written step does not know");
        // One gradient buffer per weight for the whole run: each step overwrites it (no allocation, no zeroing).
        foreach (var p in _parameters)
            _gradients[p] = torch.zeros_like(p).DetachFromDisposeScope();
    }

    /// <summary>Whether <paramref name="model"/> is the kind of network this step covers.</summary>
    public static bool Supports(StudyNetwork model) =>
        model.Chain is { Activation: ChainActivation.None, Residual: false } && model.Config.Dropout == 0 && !model.Config.Baseline
        && model.EncoderLayers.Count > 0;

    /// <summary>Whether a training step of <paramref name="model"/> with <paramref name="loss"/> can take this step and the closed-form regulariser.</summary>
    public static bool Covers(StudyNetwork model, ExactnessLossOptions loss) =>
        Supports(model) && loss is { Mode: ExactnessMode.ProjectionNorm, SparsityWeight: 0, RankWeight: 0 };

    /// <summary>
    /// Mean cross-entropy of the batch (<paramref name="x"/>: B x features, <paramref name="y"/>: labels); afterwards every
    /// parameter's .grad holds the task loss's gradient (the chain's maps receive the regulariser's terms from the caller).
    /// </summary>
    public double TaskLossAndGradients(Tensor x, Tensor y)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        int batch = (int)x.shape[0];
        var hidden = Encode(x, batch);
        var chain = _model.Chain!;
        int top = chain.Dimensions[^1];
        var chainIn = hidden[^1].narrow(0, 0, top).to(_chainType);
        bool product = chain.ProductIsCheaper(batch);

        // Chain forward: through the product d_0 ... d_{k-1} (prefix products kept for the backward pass) or map by map.
        var prefixes = new Tensor[_maps.Length];
        var passed = new Tensor[_maps.Length + 1];
        Tensor z;
        if (product)
        {
            prefixes[0] = _maps[0];
            for (int i = 1; i < _maps.Length; i++) prefixes[i] = prefixes[i - 1].mm(_maps[i]);
            z = prefixes[^1].mm(chainIn);
        }
        else
        {
            passed[_maps.Length] = chainIn;
            for (int i = _maps.Length - 1; i >= 0; i--) passed[i] = _maps[i].mm(passed[i + 1]);
            z = passed[0];
        }
        z = z.to(_layerType);
        var g = Affine(_bridge, z).relu_();
        var logits = Affine(_head, g).t();

        // Cross-entropy: value from the log-softmax, gradient (softmax - one-hot) / B.
        var logSoftmax = logits.log_softmax(1);
        var labels = y.unsqueeze(1);
        double loss = -logSoftmax.gather(1, labels).mean().ToDouble();
        var dLogits = logSoftmax.exp_();
        dLogits.scatter_add_(1, labels, torch.full_like(labels, -1.0, dtype: _layerType)).div_(batch);
        var dLogitsT = dLogits.t();

        Write(_head.weight!, dLogitsT.mm(g.t()));
        Write(_head.bias!, dLogitsT.sum(1));
        var dg = _head.weight!.t().mm(dLogitsT).mul_(g.gt(0));
        Write(_bridge.weight!, dg.mm(z.t()));
        Write(_bridge.bias!, dg.sum(1));
        var dz = _bridge.weight!.t().mm(dg).to(_chainType);

        Tensor dChainIn;
        if (product)
        {
            var dProduct = dz.mm(chainIn.t());
            dChainIn = prefixes[^1].t().mm(dz);
            // P = q_{k-1} with q_i = q_{i-1} d_i: dd_i = q_{i-1}^T dq_i, dq_{i-1} = dq_i d_i^T, dd_0 = dq_0.
            var dq = dProduct;
            for (int i = _maps.Length - 1; i >= 1; i--)
            {
                Write(_maps[i], prefixes[i - 1].t().mm(dq));
                dq = dq.mm(_maps[i].t());
            }
            Write(_maps[0], dq);
        }
        else
        {
            var du = dz;
            for (int i = 0; i < _maps.Length; i++)
            {
                Write(_maps[i], du.mm(passed[i + 1].t()));
                du = _maps[i].t().mm(du);
            }
            dChainIn = du;
        }
        var dTop = dChainIn.to(_layerType);
        var dHidden = dTop;
        if (top < hidden[^1].shape[0])
        {
            // The chain reads the first n_k units; the others get no gradient.
            dHidden = torch.zeros_like(hidden[^1]);
            dHidden.narrow(0, 0, top).copy_(dTop);
        }
        EncoderBackward(x, hidden, dHidden);
        // Re-attached every step: a step that went through autograd (a probe) leaves its own gradients behind.
        foreach (var p in _parameters) p.grad = _gradients[p];
        return loss;
    }

    /// <summary>The encoder's transposed activations relu(W h + b), input layer first, each split by output rows.</summary>
    Tensor[] Encode(Tensor x, int batch)
    {
        var hidden = new Tensor[_encoder.Length];
        var input = x.t();
        for (int l = 0; l < _encoder.Length; l++)
        {
            var layer = _encoder[l];
            int width = (int)layer.weight!.shape[0];
            var output = torch.empty(width, batch, dtype: _layerType);
            var source = input;
            _cores.Both(half =>
            {
                var (start, length) = Half(width, half);
                var rows = output.narrow(0, start, length);
                rows.copy_(layer.bias!.narrow(0, start, length).unsqueeze(1));
                rows.addmm_(layer.weight!.narrow(0, start, length), source, 1, 1).relu_();
            });
            hidden[l] = output;
            input = output;
        }
        return hidden;
    }

    /// <summary>
    /// From the gradient of the last activation down to the first layer's weights: each phase masks nothing twice and
    /// writes, per thread, half of a weight gradient, half of a bias gradient and half of the next lower activation's
    /// gradient (already multiplied by its ReLU mask), so the phases run back to back with one barrier between them.
    /// </summary>
    void EncoderBackward(Tensor x, Tensor[] hidden, Tensor dTop)
    {
        int layers = _encoder.Length;
        var dPre = new Tensor[layers];
        dPre[layers - 1] = dTop;
        var phases = new List<Action<int>>
        {
            half =>
            {
                var (start, length) = Half((int)dTop.shape[0], half);
                dTop.narrow(0, start, length).mul_(hidden[layers - 1].narrow(0, start, length).gt(0));
            },
        };
        for (int l = layers - 1; l >= 0; l--)
        {
            int layer = l;
            var below = l > 0 ? torch.empty_like(hidden[l - 1]) : null;
            if (below is not null) dPre[l - 1] = below;
            phases.Add(half =>
            {
                var weight = _encoder[layer].weight!;
                var d = dPre[layer];
                var input = layer > 0 ? hidden[layer - 1] : x.t();
                var (start, length) = Half((int)weight.shape[0], half);
                var dRows = d.narrow(0, start, length);
                _gradients[weight].narrow(0, start, length).addmm_(dRows, input.t(), 0, 1);
                _gradients[_encoder[layer].bias!].narrow(0, start, length).copy_(dRows.sum(1));
                if (below is null) return;
                var (from, count) = Half((int)weight.shape[1], half);
                below.narrow(0, from, count).addmm_(weight.narrow(1, from, count).t(), d, 0, 1)
                    .mul_(hidden[layer - 1].narrow(0, from, count).gt(0));
            });
        }
        _cores.Run([.. phases]);
    }

    /// <summary>W h + b for transposed activations h (features x batch).</summary>
    static Tensor Affine(Linear layer, Tensor h) => torch.addmm(layer.bias!.unsqueeze(1), layer.weight!, h, 1, 1);

    void Write(Parameter p, Tensor gradient) => _gradients[p].copy_(gradient);

    /// <summary>Rows [start, start + length) of the given half (0 or 1) of n rows.</summary>
    static (int Start, int Length) Half(int n, int half) => half == 0 ? (0, n / 2) : (n / 2, n - n / 2);

    /// <summary>Frees the gradient buffers.</summary>
    public void Dispose()
    {
        foreach (var p in _gradients.Keys) p.grad = null;
        foreach (var g in _gradients.Values) g.Dispose();
    }
}
