using System.ComponentModel;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg optimize`: drives a free chain (no data) to exactness with exactness + w x chain-axiom loss and AdamW.</summary>
public sealed class OptimizeCommand : Command<OptimizeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dims <N0,...,NK>")]
        [Description("Chain dimensions. Default: 5,8,10,8,5.")]
        [DefaultValue("5,8,10,8,5")]
        public string Dims { get; set; } = "5,8,10,8,5";

        [CommandOption("--steps <N>")]
        [Description("AdamW steps. Default: 2000.")]
        [DefaultValue(2000)]
        public int Steps { get; set; } = 2000;

        [CommandOption("--seed <N>")]
        [Description("Seeds the initial maps. Default: 0.")]
        [DefaultValue(0)]
        public int Seed { get; set; }

        [CommandOption("--lr <RATE>")]
        [Description("AdamW learning rate. Default: 1e-2.")]
        [DefaultValue(1e-2)]
        public double LearningRate { get; set; } = 1e-2;

        [CommandOption("--axiom-weight <W>")]
        [Description("Weight of the chain-axiom loss. Default: 0.5.")]
        [DefaultValue(0.5)]
        public double AxiomWeight { get; set; } = 0.5;

        [CommandOption("--weight-decay <W>")]
        [Description("AdamW weight decay. Default: 1e-2.")]
        [DefaultValue(1e-2)]
        public double WeightDecay { get; set; } = 1e-2;

        [CommandOption("--epsilon <EPS>")]
        [Description("Singular values below eps count as zero. Default: 1e-3.")]
        [DefaultValue(1e-3)]
        public double Epsilon { get; set; } = 1e-3;

        [CommandOption("--report-every <N>")]
        [Description("Print Betti numbers and losses every N steps. Default: 200.")]
        [DefaultValue(200)]
        public int ReportEvery { get; set; } = 200;

        [CommandOption("--loss-mode <MODE>")]
        [Description("Exactness loss: regularized (default: gradients that do not vanish), projection_norm (the original's), subspace_angle or overlap.")]
        [DefaultValue("regularized")]
        public string LossMode { get; set; } = "regularized";

        [CommandOption("--rank-weight <W>")]
        [Description("Weight of the rank-targeting loss towards the ranks of an exact complex (0 = off, the original's recipe). Default: 10.")]
        [DefaultValue(10.0)]
        public double RankWeight { get; set; } = 10.0;

        [CommandOption("--target-ranks <R0,...>")]
        [Description("Target ranks of d_0..d_{k-1}. Default: the ranks of an exact complex chosen from the top map down (homology collects at C_0).")]
        public string? TargetRanks { get; set; }

        [CommandOption("--constant-lr")]
        [Description("Keep the learning rate constant (the original) instead of cosine decay to 0.")]
        public bool ConstantLr { get; set; }

        public override ValidationResult Validate()
        {
            try { ToOptions(); return ValidationResult.Success(); }
            catch (ArgumentException e) { return ValidationResult.Error(e.Message); }
        }

        public OptimizeOptions ToOptions()
        {
            if (Steps < 1) throw new ArgumentException($"--steps must be at least 1, got {Steps}");
            if (ReportEvery < 1) throw new ArgumentException($"--report-every must be at least 1, got {ReportEvery}");
            if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"--lr must be positive, got {LearningRate}");
            if (!(Epsilon > 0) || !double.IsFinite(Epsilon)) throw new ArgumentException($"--epsilon must be positive, got {Epsilon}");
            var dims = TrainSettings.ParseInts(Dims, "--dims");
            if (dims.Length < 2) throw new ArgumentException($"--dims needs at least two dimensions, got '{Dims}'");
            int[]? targets = TargetRanks is null ? null : TrainSettings.ParseInts(TargetRanks, "--target-ranks", allowZero: true);
            if (targets != null && targets.Length != dims.Length - 1)
                throw new ArgumentException($"--target-ranks needs {dims.Length - 1} ranks for {dims.Length - 1} maps, got {targets.Length}");
            if (!double.IsFinite(RankWeight) || RankWeight < 0) throw new ArgumentException($"--rank-weight must be >= 0, got {RankWeight}");
            return new OptimizeOptions(dims, Steps, Seed, LearningRate, AxiomWeight, WeightDecay, Epsilon, ReportEvery,
                Mode: Names.Parse<ExactnessMode>(LossMode, "--loss-mode"), RankWeight: RankWeight, TargetRanks: targets, CosineDecay: !ConstantLr);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var o = settings.ToOptions();
        var targets = o.TargetRanks ?? RankTargetLoss.ExactTargetsFromTop(o.Dims);
        AnsiConsole.MarkupLine(Markup.Escape($"optimising a free chain [{string.Join(",", o.Dims)}]: {Names.ToFlag(o.Mode)} exactness + {o.AxiomWeight} x chain axiom"
            + (o.RankWeight > 0 ? $" + {o.RankWeight} x rank target [{string.Join(",", targets)}]" : "")
            + $", AdamW lr {o.LearningRate}{(o.CosineDecay ? " (cosine decay)" : "")}, weight decay {o.WeightDecay}, {o.Steps} steps, seed {o.Seed}"));
        var reports = ChainOptimization.Run(o, r => AnsiConsole.MarkupLine(Markup.Escape(
            $"step {r.Step,5}  betti [{string.Join(",", r.Betti)}]  ranks [{string.Join(",", r.Ranks)}]  exactness {r.ExactnessLoss:G4}  chain-axiom {r.ChainAxiomLoss:G4}  max ||d_i d_i+1|| {r.ChainAxiomNorm:G3}")));
        var last = reports[^1];
        int firstZero = reports.FindIndex(r => r.Betti.All(b => b == 0));
        bool stayed = firstZero >= 0 && reports.Skip(firstZero).All(r => r.Betti.All(b => b == 0));
        AnsiConsole.MarkupLine(Markup.Escape(firstZero < 0
            ? $"Betti 0 not reached; final [{string.Join(",", last.Betti)}]"
            : $"Betti 0 first reported at step {reports[firstZero].Step}{(stayed ? " and kept to the end" : ", but lost again")}; final chain-axiom norm {last.ChainAxiomNorm:G3}"));
        return 0;
    }
}
