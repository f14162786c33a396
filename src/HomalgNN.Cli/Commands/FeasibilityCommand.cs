using System.ComponentModel;
using System.Globalization;
using HomalgNN.Algebra.Feasibility;
using HomalgNN.Cli.Display;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg feasibility`: which Betti numbers the dimensions of a chain permit, whatever the maps.</summary>
public sealed class FeasibilityCommand : Command<FeasibilityCommand.Settings>
{
    /// <summary>Options of `homalg feasibility`.</summary>
    public sealed class Settings : CommandSettings
    {
        // The analysis holds O(sum of dims) numbers; this keeps a typo from asking for gigabytes.
        private const long MaxTotal = 10_000_000;

        [CommandOption("--dims <DIMS>")]
        [Description("Comma-separated dimensions n_0,n_1,...,n_k (at least two, each >= 1), e.g. 16,32,64,128,256.")]
        public string? Dims { get; init; }

        [CommandOption("--json")]
        [Description("Print JSON instead of text.")]
        public bool Json { get; init; }

        /// <summary>The parsed --dims (valid after Validate).</summary>
        public int[] Dimensions => ParseDimensions(Dims, out _) ?? [];

        public override ValidationResult Validate() =>
            ParseDimensions(Dims, out string? error) is null ? ValidationResult.Error(error!) : ValidationResult.Success();

        private static int[]? ParseDimensions(string? text, out string? error)
        {
            error = null;
            if (string.IsNullOrWhiteSpace(text)) { error = "--dims is required, e.g. --dims 16,32,64,128,256"; return null; }
            string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
            var dims = new int[parts.Length];
            for (int j = 0; j < parts.Length; j++)
                if (!int.TryParse(parts[j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out dims[j]) || dims[j] < 1)
                {
                    error = $"--dims: n_{j} = '{parts[j]}' is not a positive integer";
                    return null;
                }
            if (dims.Length < 2) { error = $"--dims needs at least 2 entries n_0,n_1 (one map), got {dims.Length}"; return null; }
            long total = dims.Sum(n => (long)n);
            if (total > MaxTotal) { error = $"--dims: the dimensions add up to {total}; at most {MaxTotal} are supported"; return null; }
            return dims;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        FeasibilityAnalysis analysis = FeasibilityAnalysis.For(settings.Dimensions);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                dimensions = analysis.Dimensions,
                study = new { bettiNumbers = analysis.Study.BettiNumbers, ranks = analysis.Study.Ranks, sum = analysis.Study.Sum },
                chainComplex = new
                {
                    totalHomology = analysis.ChainComplex.TotalHomology,
                    bettiNumbers = analysis.ChainComplex.BettiNumbers,
                    ranks = analysis.ChainComplex.Ranks,
                    eulerCharacteristic = analysis.ChainComplex.EulerCharacteristic,
                    attainsEulerBound = analysis.ChainComplex.AttainsEulerBound,
                },
                explanation = analysis.Explanation,
            });
            return 0;
        }
        IAnsiConsole console = ConsoleFactory.Stdout();
        foreach (string line in analysis.Explanation) Console.Out.WriteLine(line); // unwrapped: one statement per line

        IReadOnlyList<int> n = analysis.Dimensions;
        var study = new Table().Title("study convention: least Betti vector").AddColumns("map", "shape", "rank", "min b_i");
        for (int i = 0; i < analysis.Study.Ranks.Count; i++)
            study.AddRow($"d_{i}", $"{n[i]}x{n[i + 1]}", $"{analysis.Study.Ranks[i]}", $"{analysis.Study.BettiNumbers[i]}");
        console.Write(study);

        var chain = new Table().Title("chain complex: least total homology").AddColumns("space", "n_j", "rank d_j : C_{j+1} -> C_j", "b_j");
        for (int j = 0; j < n.Count; j++)
            chain.AddRow($"C_{j}", $"{n[j]}", j < analysis.ChainComplex.Ranks.Count ? $"{analysis.ChainComplex.Ranks[j]}" : "-", $"{analysis.ChainComplex.BettiNumbers[j]}");
        console.Write(chain);
        return 0;
    }
}
