using System.ComponentModel;
using HomalgNN.Cli.Display;
using HomalgNN.Experiments.Comparisons;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg compare`: trains (or loads) several arms on the same seeds and tests their metrics at one layer against the first arm.</summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : TrainSettings
    {
        [CommandOption("--seeds <N>")]
        [Description("Runs per arm, with seeds --seed .. --seed+N-1 (0..N-1 by default). Default: 5.")]
        [DefaultValue(5)]
        public int Seeds { get; set; } = 5;

        [CommandOption("--seed-list <S1,S2,...>")]
        [Description("Exactly these seeds, instead of --seeds.")]
        public string? SeedList { get; set; }

        [CommandOption("--arms <A,B,...>")]
        [Description("The arms, in table order; the first is the reference the others are tested against. Built in: baseline (the study's MLP "
            + "in place of the chain), chain (the chain with lambda 0), exact (the chain with --lambda), l2 (baseline with weight decay --weight-decay, "
            + "default 1e-4), dropout (baseline with dropout --dropout, default 0.2); or names defined by --arm or --run. Every other train flag "
            + "applies to every arm. Default: baseline,exact.")]
        [DefaultValue("baseline,exact")]
        public string Arms { get; set; } = "baseline,exact";

        [CommandOption("--arm <NAME=FLAGS>")]
        [Description("Defines an arm by train flags over the shared ones (no weight decay or dropout unless named), e.g. "
            + "--arm sym=\"--lambda 2 --dims 16,32,64,32,16\". Repeatable; added after --arms unless listed there.")]
        public string[] Arm { get; set; } = [];

        [CommandOption("--run <ARM=DIR>")]
        [Description("Loads ARM's runs instead of training them. DIR is a run folder (results.json + model.bin, as train writes) or a folder of run "
            + "folders (such as <out>/<arm> of an earlier compare); runs are matched to seeds by the seed in their results.json. Repeatable.")]
        public string[] Run { get; set; } = [];

        [CommandOption("--layer <NAME>")]
        [Description("Layer whose representation is measured: encoder_out, chain_in, chain_out, bridge_out (the study's: the 128 units after the chain) or logits. Default: bridge_out.")]
        [DefaultValue("bridge_out")]
        public string Layer { get; set; } = "bridge_out";

        [CommandOption("--measure-limit <N>")]
        [Description("Measure representations on N test images (a fixed stratified subset) instead of all; test accuracy always uses all.")]
        public int? MeasureLimit { get; set; }

        public override ValidationResult Validate()
        {
            if (Baseline) return ValidationResult.Error("compare picks each arm's architecture: use --arms baseline (or --arm NAME=\"--baseline ...\") instead of --baseline");
            if (SeedList is null && Seeds < 1) return ValidationResult.Error($"--seeds must be at least 1, got {Seeds}");
            var shared = base.Validate();
            if (!shared.Successful) return shared;
            try
            {
                ToCompareOptions("runs").Validate();
                return ValidationResult.Success();
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }

        /// <summary>The comparison these flags describe, writing into <paramref name="outDir"/>.</summary>
        public CompareOptions ToCompareOptions(string outDir)
        {
            IReadOnlyList<int> seeds = SeedList is null ? Enumerable.Range(Seed, Seeds).ToList() : ParseInts(SeedList, "--seed-list", allowZero: true);
            return new CompareOptions(CompareArms.Build(this, Arms, Arm, Run), seeds, outDir, Layer, MeasureLimit);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = settings.LoadData();
        var outDir = settings.Out ?? Path.Combine("runs", $"compare-{data.Spec.Name}");
        var options = settings.ToCompareOptions(outDir);
        var console = ConsoleFactory.Stdout();
        console.MarkupLine(Markup.Escape(
            $"comparing {string.Join(", ", options.Arms.Select(a => a.Name))} on {data.Spec.Name} ({data.Folder}), seeds {string.Join(",", options.Seeds)}, "
            + $"layer {options.Layer} -> {outDir}"));
        if (options.Seeds.Count < 2) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(CompareMarkdown.NoTestNotice)}");
        var report = CompareProgress.Run(console, observer => CompareRun.Execute(options, data, observer));
        CompareTableView.Print(console, report);
        console.MarkupLine(Markup.Escape($"wrote {Path.Combine(outDir, CompareReport.MarkdownFile)} and {Path.Combine(outDir, CompareReport.JsonFile)}"));
        return 0;
    }
}
