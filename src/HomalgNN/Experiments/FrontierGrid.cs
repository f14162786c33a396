using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Experiments;

/// <summary>A named exactness regulariser for the frontier: how the loss options and the chain-axiom term are set.</summary>
public sealed record FrontierLoss(string Name, string Formula, Func<TrainingOptions, TrainingOptions> Apply)
{
    /// <summary>The study's regulariser: sigmoid-masked projectors (inert at full rank) + chain axiom.</summary>
    public static FrontierLoss Study { get; } = new("study", "||P_ker - P_im||_F^2, sigmoid masks at eps + ||d d||^2",
        o => o with { Loss = o.LossOptions with { Mode = ExactnessMode.ProjectionNorm } });

    /// <summary>Regularised projectors s^2/(s^2+delta) + the scale-free chain axiom.</summary>
    public static FrontierLoss Regularized { get; } = new("regularized", "||P_ker - P_im||_F^2, s^2/(s^2+delta) + ||d d||^2/(||d|| ||d||)^2",
        o => o with { Loss = o.LossOptions with { Mode = ExactnessMode.Regularized }, NormalizedAxiom = true });

    /// <summary>Regularised projectors + rank targets of an exact complex + the scale-free chain axiom.</summary>
    public static FrontierLoss RankTarget { get; } = new("rank", "regularized + sum_{j>=r_i} s_j^2 (exact-complex ranks) + normalised axiom",
        o => o with { Loss = o.LossOptions with { Mode = ExactnessMode.Regularized, RankWeight = 1.0 }, NormalizedAxiom = true });

    /// <summary>All losses by name.</summary>
    public static IReadOnlyList<FrontierLoss> All { get; } = [Study, Regularized, RankTarget];
}

/// <summary>A chain architecture for the frontier.</summary>
public sealed record FrontierArchitecture(string Name, Func<NetworkConfig, NetworkConfig> Apply)
{
    /// <summary>The study's linear composition: exactness forces the chain's output to zero.</summary>
    public static FrontierArchitecture Linear { get; } = new("linear", n => n with { ChainActivation = ChainActivation.None, ChainResidual = false });

    /// <summary>ReLU between the maps.</summary>
    public static FrontierArchitecture Relu { get; } = new("relu", n => n with { ChainActivation = ChainActivation.Relu, ChainResidual = false });

    /// <summary>Linear composition plus a linear bypass.</summary>
    public static FrontierArchitecture Residual { get; } = new("residual", n => n with { ChainActivation = ChainActivation.None, ChainResidual = true });

    /// <summary>All architectures by name.</summary>
    public static IReadOnlyList<FrontierArchitecture> All { get; } = [Linear, Relu, Residual];
}

/// <summary>One point of the frontier grid.</summary>
public sealed record FrontierPoint(FrontierLoss Loss, FrontierArchitecture Architecture, double Lambda, int Seed)
{
    /// <summary>The run folder name.</summary>
    public string Key => $"{Loss.Name}-{Architecture.Name}-lambda{Lambda.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}-seed{Seed}";

    /// <summary>The training options of this point, from the base options.</summary>
    public TrainingOptions Options(TrainingOptions baseOptions)
    {
        var o = Loss.Apply(baseOptions) with { Lambda = Lambda, Seed = Seed };
        return o with { Network = Architecture.Apply(o.Network) };
    }
}
