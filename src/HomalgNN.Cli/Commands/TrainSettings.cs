using System.ComponentModel;
using System.Globalization;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>The flags of `train`, shared by every command that trains (diagnose, compare, sweep, study).</summary>
public class TrainSettings : CommandSettings
{
    [CommandOption("--dataset <NAME>")]
    [Description("mnist, fashion-mnist or mnist-10k (the real MNIST test set split by a fixed seeded stratified split into 8,000 train / 2,000 test images). Default: the first of these found locally.")]
    public string? Dataset { get; set; }

    [CommandOption("--data-dir <DIR>")]
    [Description("Folder holding the data sets. Default: $HOMALG_DATA, else ./data, ~/.cache/homalg-nn, /usr/share/datasets, ../shared/data.")]
    public string? DataDir { get; set; }

    [CommandOption("--dims <N0,...,NK>")]
    [Description("Chain dimensions n_0,...,n_k; d_i : R^{n_{i+1}} -> R^{n_i}. Default: 16,32,64,128,256 (the study).")]
    [DefaultValue("16,32,64,128,256")]
    public string Dims { get; set; } = "16,32,64,128,256";

    // Text, not a number: `sweep` reads the same flag as a list (--lambda 0.1,0.3,0.5); Lambda parses it.
    [CommandOption("--lambda <L>")]
    [Description("Weight of the homological regulariser: loss = task + lambda (w_ex exactness + w_ax chain axiom). Default: 0.5. `sweep` takes a list, e.g. 0.1,0.3,0.5.")]
    [DefaultValue("0.5")]
    public string LambdaText { get; set; } = "0.5";

    /// <summary>--lambda as a number; the error names the flag.</summary>
    public double Lambda
    {
        get => double.TryParse(LambdaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new ArgumentException($"--lambda must be a number, got '{LambdaText}'");
        set => LambdaText = value.ToString("R", CultureInfo.InvariantCulture);
    }

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training data. Default: 15.")]
    [DefaultValue(15)]
    public int Epochs { get; set; } = 15;

    [CommandOption("--batch-size <N>")]
    [Description("Images per Adam step. Default: 128.")]
    [DefaultValue(128)]
    public int BatchSize { get; set; } = 128;

    [CommandOption("--lr <RATE>")]
    [Description("Adam learning rate. Default: 1e-3.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; set; } = 1e-3;

    [CommandOption("--epsilon <EPS>")]
    [Description("Singular values below eps count as zero (ranks, Betti numbers, soft masks). Default: 1e-3.")]
    [DefaultValue(1e-3)]
    public double Epsilon { get; set; } = 1e-3;

    [CommandOption("--seed <N>")]
    [Description("Seeds weights, shuffling and dropout: the same seed and flags give the same numbers. Default: 0.")]
    [DefaultValue(0)]
    public int Seed { get; set; }

    [CommandOption("--train-limit <N>")]
    [Description("Use only N training images (a seeded, stratified subset).")]
    public int? TrainLimit { get; set; }

    [CommandOption("--baseline")]
    [Description("Replace the chain by Linear+ReLU layers n_k -> ... -> n_0 in float32 (the study's baseline).")]
    public bool Baseline { get; set; }

    [CommandOption("--loss-mode <MODE>")]
    [Description("Exactness loss: projection_norm (the study), subspace_angle, overlap, or regularized (projectors s^2/(s^2 + delta) whose gradients do not vanish).")]
    [DefaultValue("projection_norm")]
    public string LossMode { get; set; } = "projection_norm";

    [CommandOption("--temperature <T>")]
    [Description("--loss-mode regularized: projectors weight s^2/(s^2 + delta), delta = (T x largest singular value)^2. Default: 0.05.")]
    [DefaultValue(0.05)]
    public double Temperature { get; set; } = 0.05;

    [CommandOption("--rank-weight <W>")]
    [Description("Add W x sum_{j >= r_i} s_j(d_i)^2, pushing down exactly the singular values that must vanish for the target ranks. Default: 0.")]
    [DefaultValue(0.0)]
    public double RankWeight { get; set; }

    [CommandOption("--target-ranks <R0,...>")]
    [Description("Target ranks for --rank-weight. Default: the ranks of an exact complex of these dimensions (see `homalg feasibility`).")]
    public string? TargetRanks { get; set; }

    [CommandOption("--normalized-axiom")]
    [Description("Divide each ||d_i d_{i+1}||_F^2 by ||d_i||_F^2 ||d_{i+1}||_F^2, so the chain axiom cannot be met by shrinking the maps.")]
    public bool NormalizedAxiom { get; set; }

    [CommandOption("--chain-activation <A>")]
    [Description("Between the chain's maps: none (the study's linear composition, whose output exactness forces to zero), relu, tanh, gelu.")]
    [DefaultValue("none")]
    public string ChainActivation { get; set; } = "none";

    [CommandOption("--chain-residual")]
    [Description("Add a learned linear bypass R^{n_k} -> R^{n_0} around the chain (not part of the complex).")]
    public bool ChainResidual { get; set; }

    [CommandOption("--no-normalize")]
    [Description("Sum the exactness defects over positions instead of averaging them.")]
    public bool NoNormalize { get; set; }

    [CommandOption("--weight-by-dimension")]
    [Description("Divide each position's exactness defect by n_{i+1}.")]
    public bool WeightByDimension { get; set; }

    [CommandOption("--sparsity-weight <W>")]
    [Description("Add W * sum exp(-(s - eps)^2 / eps^2) over every map's singular values. Default: 0.")]
    [DefaultValue(0.0)]
    public double SparsityWeight { get; set; }

    [CommandOption("--schedule <KIND>")]
    [Description("Annealing of the exactness and chain-axiom weights: exponential (the study's), cosine, linear, two_stage, constant.")]
    [DefaultValue("exponential")]
    public string Schedule { get; set; } = "exponential";

    [CommandOption("--exactness-weights <START,END>")]
    [Description("Exactness weight at the first and last step. Default: 0.1,1.0.")]
    [DefaultValue("0.1,1.0")]
    public string ExactnessWeights { get; set; } = "0.1,1.0";

    [CommandOption("--axiom-weights <START,END>")]
    [Description("Chain-axiom weight at the first and last step. Default: 2.0,0.5.")]
    [DefaultValue("2.0,0.5")]
    public string AxiomWeights { get; set; } = "2.0,0.5";

    [CommandOption("--schedule-split <F>")]
    [Description("two_stage: fraction of training with the chain axiom alone. Default: 0.5.")]
    [DefaultValue(0.5)]
    public double ScheduleSplit { get; set; } = 0.5;

    [CommandOption("--init <METHOD>")]
    [Description("Chain initialisation: orthogonal (the study's), normal, xavier_uniform, xavier_normal, he_uniform, he_normal, zero.")]
    [DefaultValue("orthogonal")]
    public string Init { get; set; } = "orthogonal";

    [CommandOption("--init-scale <S>")]
    [Description("Standard deviation for --init normal. Default: 0.1.")]
    [DefaultValue(0.1)]
    public double InitScale { get; set; } = 0.1;

    [CommandOption("--precision <P>")]
    [Description("float64 (the study: whole network), float32, or mixed (chain float64, other layers float32).")]
    [DefaultValue("float64")]
    public string Precision { get; set; } = "float64";

    [CommandOption("--weight-decay <W>")]
    [Description("Adam's L2 weight decay, a standard regulariser to compare against. Default: 0.")]
    [DefaultValue(0.0)]
    public double WeightDecay { get; set; }

    [CommandOption("--dropout <P>")]
    [Description("Dropout probability after each hidden ReLU, a standard regulariser to compare against. Default: 0.")]
    [DefaultValue(0.0)]
    public double Dropout { get; set; }

    [CommandOption("--monitor-every <N>")]
    [Description("Record Betti numbers, their sum, defects and losses every N steps (monitor.csv, results.json, TensorBoard). Default: 0 = once per epoch only.")]
    [DefaultValue(0)]
    public int MonitorEvery { get; set; }

    [CommandOption("--tensorboard <DIR>")]
    [Description("Also write TensorBoard event files into DIR (read them with `tensorboard --logdir DIR`).")]
    public string? TensorBoard { get; set; }

    [CommandOption("--out <DIR>")]
    [Description("Output folder. train: results.json and model.bin, default runs/<dataset>-lambda<L>-seed<S> (plus -baseline). compare: compare.md, "
        + "compare.json and each trained run in <arm>/seed<k>/ (a finished run there is reused, so a stopped compare resumes), default runs/compare-<dataset>.")]
    public string? Out { get; set; }

    /// <summary>Parses "16,32,64" into integers; the error names the flag.</summary>
    public static int[] ParseInts(string text, string flag, bool allowZero = false)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < (allowZero ? 0 : 1))
                throw new ArgumentException($"{flag} must be a comma-separated list of {(allowZero ? "non-negative" : "positive")} integers, got '{text}'");
        return values;
    }

    public override ValidationResult Validate()
    {
        try
        {
            ToOptions().Validate();
            if (Dataset is not null) DatasetCatalog.Get(Dataset);
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }

    /// <summary>The training options these flags describe.</summary>
    public virtual TrainingOptions ToOptions()
    {
        var (exStart, exEnd) = ParsePair(ExactnessWeights, "--exactness-weights");
        var (axStart, axEnd) = ParsePair(AxiomWeights, "--axiom-weights");
        if (MonitorEvery < 0) throw new ArgumentException($"--monitor-every must be >= 0, got {MonitorEvery}");
        if (ScheduleSplit is < 0 or > 1) throw new ArgumentException($"--schedule-split must be in [0, 1], got {ScheduleSplit}");
        if (!double.IsFinite(SparsityWeight) || SparsityWeight < 0) throw new ArgumentException($"--sparsity-weight must be >= 0, got {SparsityWeight}");
        if (!double.IsFinite(RankWeight) || RankWeight < 0) throw new ArgumentException($"--rank-weight must be >= 0, got {RankWeight}");
        if (!double.IsFinite(Temperature) || Temperature <= 0) throw new ArgumentException($"--temperature must be positive, got {Temperature}");
        var dims = ParseInts(Dims, "--dims");
        int[]? targets = TargetRanks is null ? null : ParseInts(TargetRanks, "--target-ranks", allowZero: true);
        if (targets != null && (targets.Length != dims.Length - 1 || targets.Select((r, i) => r > Math.Min(dims[i], dims[i + 1])).Any(x => x)))
            throw new ArgumentException($"--target-ranks needs {dims.Length - 1} ranks with r_i <= min(n_i, n_(i+1)), got '{TargetRanks}'");
        return new TrainingOptions(
            new NetworkConfig(dims, Baseline,
                Names.Parse<ChainInit>(Init, "--init"), Names.Parse<Precision>(Precision, "--precision"), Dropout, InitScale,
                Names.Parse<ChainActivation>(ChainActivation, "--chain-activation"), ChainResidual),
            Lambda, Epochs, BatchSize, LearningRate, Seed,
            new ExactnessLossOptions(Names.Parse<ExactnessMode>(LossMode, "--loss-mode"), Epsilon, !NoNormalize, WeightByDimension, SparsityWeight,
                Temperature, RankWeight, targets),
            new LossSchedule(Names.Parse<ScheduleKind>(Schedule, "--schedule"), exStart, exEnd, axStart, axEnd, ScheduleSplit),
            WeightDecay, TrainLimit, MonitorEvery: MonitorEvery, TensorBoardDir: TensorBoard, NormalizedAxiom: NormalizedAxiom);
    }

    static (double, double) ParsePair(string text, string flag)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && double.IsFinite(a) && double.IsFinite(b) && a >= 0 && b >= 0)
            return (a, b);
        throw new ArgumentException($"{flag} must be two non-negative numbers START,END, got '{text}'");
    }

    /// <summary>The chosen (or first locally found) data set, loaded.</summary>
    public DataSplit LoadData()
    {
        var spec = Dataset is null ? DatasetLocator.DefaultDataset(DataDir) : DatasetCatalog.Get(Dataset);
        return DatasetLocator.Load(spec, DataDir);
    }

    /// <summary>The output folder: --out, else a name built from the main flags.</summary>
    public string OutputFolder(string dataset) =>
        Out ?? Path.Combine("runs", $"{dataset}-lambda{Lambda.ToString(CultureInfo.InvariantCulture)}-seed{Seed}{(Baseline ? "-baseline" : "")}");
}
