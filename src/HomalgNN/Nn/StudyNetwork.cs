using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HomalgNN.Nn;

/// <summary>
/// The study's MNIST classifier: 784 -> 512 -> ReLU -> 256 -> ReLU -> [first n_k coordinates] -> chain (linear
/// composition d_0 ... d_{k-1}) or baseline MLP -> bridge Linear n_0 -> 128 -> ReLU ("bridge_out") -> Linear 128 -> 10.
/// </summary>
public sealed class StudyNetwork : nn.Module<Tensor, Tensor>
{
    readonly Sequential _encoder;
    readonly nn.Module<Tensor, Tensor> _middle;
    readonly Sequential _bridge;
    readonly Linear _head;
    readonly Linear[] _encoderLinears;
    readonly Linear _bridgeLinear;

    /// <summary>Builds the network; the caller seeds torch beforehand for reproducible weights.</summary>
    public StudyNetwork(NetworkConfig config) : base("StudyNetwork")
    {
        config.Validate();
        Config = config;
        var layerType = config.Baseline ? ScalarType.Float32 : config.Precision.LayerType();
        LayerType = layerType;
        var encoder = new List<(string, nn.Module<Tensor, Tensor>)>();
        _encoderLinears = new Linear[config.Encoder.Length];
        int width = config.InputFeatures;
        for (int i = 0; i < config.Encoder.Length; i++)
        {
            _encoderLinears[i] = nn.Linear(width, config.Encoder[i], dtype: layerType);
            encoder.Add(($"linear{i}", _encoderLinears[i]));
            encoder.Add(($"relu{i}", nn.ReLU()));
            if (config.Dropout > 0) encoder.Add(($"dropout{i}", nn.Dropout(config.Dropout)));
            width = config.Encoder[i];
        }
        _encoder = nn.Sequential(encoder);
        if (config.Baseline)
        {
            var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (int i = config.Dims.Length - 1; i > 0; i--)
            {
                layers.Add(($"linear{i}", nn.Linear(config.Dims[i], config.Dims[i - 1], dtype: layerType)));
                layers.Add(($"relu{i}", nn.ReLU()));
                if (config.Dropout > 0) layers.Add(($"dropout{i}", nn.Dropout(config.Dropout)));
            }
            _middle = nn.Sequential(layers);
            Chain = null;
        }
        else
        {
            Chain = new ChainModule(config.Dims, config.Init, config.Precision.ChainType(), config.InitScale, config.ChainActivation, config.ChainResidual);
            _middle = Chain;
        }
        var bridge = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("linear", _bridgeLinear = nn.Linear(config.Dims[0], config.BridgeWidth, dtype: layerType)),
            ("relu", nn.ReLU()),
        };
        if (config.Dropout > 0) bridge.Add(("dropout", nn.Dropout(config.Dropout)));
        _bridge = nn.Sequential(bridge);
        _head = nn.Linear(config.BridgeWidth, config.Classes, dtype: layerType);
        RegisterComponents();
    }

    /// <summary>The architecture.</summary>
    public NetworkConfig Config { get; }

    /// <summary>The learnable chain, or null for the baseline.</summary>
    public ChainModule? Chain { get; }

    /// <summary>The encoder's linear layers, input first (each followed by a ReLU).</summary>
    internal IReadOnlyList<Linear> EncoderLayers => _encoderLinears;

    /// <summary>The bridge's linear layer n_0 -> bridge width (followed by a ReLU).</summary>
    internal Linear BridgeLayer => _bridgeLinear;

    /// <summary>The classifier head, bridge width -> classes.</summary>
    internal Linear HeadLayer => _head;

    /// <summary>dtype of the inputs the network expects.</summary>
    public ScalarType LayerType { get; }

    /// <summary>Names of the layers whose outputs <see cref="Features"/> can return.</summary>
    public static IReadOnlyList<string> LayerNames { get; } = ["encoder_out", "chain_in", "chain_out", "bridge_out", "logits"];

    /// <summary>Logits for a batch of flattened, normalised images.</summary>
    public override Tensor forward(Tensor x) => Features(x)["logits"];

    /// <summary>Every named intermediate output for a batch (see <see cref="LayerNames"/>).</summary>
    public Dictionary<string, Tensor> Features(Tensor x)
    {
        var encoded = _encoder.forward(x);
        var chainIn = encoded[.., ..Config.Dims[^1]];
        var chainOut = Chain is null ? _middle.forward(chainIn) : Chain.forward(chainIn.to(Chain.BoundaryMap(0).dtype)).to(LayerType);
        var bridge = _bridge.forward(chainOut);
        return new()
        {
            ["encoder_out"] = encoded,
            ["chain_in"] = chainIn,
            ["chain_out"] = chainOut,
            ["bridge_out"] = bridge,
            ["logits"] = _head.forward(bridge),
        };
    }
}
