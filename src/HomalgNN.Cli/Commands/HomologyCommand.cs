using System.ComponentModel;
using HomalgNN.Algebra.Exact;
using HomalgNN.Algebra.Npy;
using HomalgNN.Algebra.Simplicial;
using HomalgNN.Cli.Display;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg homology`: exact Betti numbers of a simplicial complex (--facets) or of boundary maps in .npy files (--maps).</summary>
public sealed class HomologyCommand : Command<HomologyCommand.Settings>
{
    /// <summary>Options of `homalg homology`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--facets <FILE>")]
        [Description("Facet file: one facet per line, vertex labels separated by whitespace, '#' starts a comment.")]
        public string? Facets { get; init; }

        [CommandOption("--maps <FILES>")]
        [Description("Comma-separated .npy files holding d_0, d_1, ... (d_i : C_{i+1} -> C_i is n_i x n_{i+1}).")]
        public string? Maps { get; init; }

        [CommandOption("--field <FIELD>")]
        [Description("Coefficient field: Q, GF2 or GF<p> with p prime.")]
        [DefaultValue("Q")]
        public string Field { get; init; } = "Q";

        [CommandOption("--epsilon <EPS>")]
        [Description("Singular-value tolerance for numerical homology of non-integer maps.")]
        [DefaultValue(1e-3)]
        public double Epsilon { get; init; } = 1e-3;

        [CommandOption("--json")]
        [Description("Print JSON instead of a table.")]
        public bool Json { get; init; }

        /// <summary>The parsed --field (valid after Validate).</summary>
        public CoefficientField CoefficientField => CoefficientField.Parse(Field);

        /// <summary>The --maps entries in order.</summary>
        public string[] MapPaths => (Maps ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override ValidationResult Validate()
        {
            if ((Facets is null) == (Maps is null))
                return ValidationResult.Error("give exactly one of --facets FILE or --maps a.npy,b.npy,...");
            if (Maps is not null && MapPaths.Length == 0) return ValidationResult.Error("--maps needs at least one .npy file");
            if (!double.IsFinite(Epsilon) || Epsilon <= 0) return ValidationResult.Error($"--epsilon must be a positive number, got {Epsilon}");
            try
            {
                _ = CoefficientField;
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        settings.Facets is not null ? ReportFacets(settings.Facets, settings) : ReportMaps(BoundaryMapFiles.Read(settings.MapPaths), settings);

    private static int ReportFacets(string path, Settings settings)
    {
        CoefficientField field = settings.CoefficientField;
        SimplicialComplex complex = FacetFile.Read(path);
        HomologyResult homology = complex.Homology(field);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                source = "facets",
                file = path,
                field = field.ToString(),
                dimension = complex.Dimension,
                vertices = complex.Vertices.Count,
                faces = complex.FaceCounts,
                bettiNumbers = homology.BettiNumbers,
                ranks = homology.Ranks,
                eulerCharacteristic = complex.EulerCharacteristic,
            });
            return 0;
        }
        // Tables go through Spectre; plain lines go straight to Console.Out so that they never wrap.
        IAnsiConsole console = ConsoleFactory.Stdout();
        Console.Out.WriteLine($"Simplicial homology over {field} of {path}: dimension {complex.Dimension}, {complex.Vertices.Count} vertices");
        var table = new Table().AddColumns("degree q", "faces f_q", "rank ∂_q", "Betti b_q");
        for (int q = 0; q <= complex.Dimension; q++)
            table.AddRow($"{q}", $"{complex.FaceCounts[q]}", q == 0 ? "0" : $"{homology.Ranks[q - 1]}", $"{homology.BettiNumbers[q]}");
        console.Write(table);
        Console.Out.WriteLine($"Betti numbers: [{string.Join(", ", homology.BettiNumbers)}]");
        Console.Out.WriteLine($"Euler characteristic: {complex.EulerCharacteristic}");
        return 0;
    }

    private static int ReportMaps(BoundaryMapFiles maps, Settings settings)
    {
        IReadOnlyList<IntegerMatrix>? integer = maps.TryIntegerMatrices();
        if (integer is null) return ReportNumeric(maps, settings);

        CoefficientField field = settings.CoefficientField;
        var complex = new IntegerChainComplex(maps.Dimensions, integer);
        string? failure = complex.ChainAxiomFailure(field);
        HomologyResult? homology = failure is null ? complex.Homology(field) : null;
        int[] ranks = homology?.Ranks.ToArray() ?? complex.Ranks(field);
        int[] study = homology?.StudyBettiNumbers.ToArray() ?? complex.StudyBettiNumbers(field);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                source = "maps",
                files = maps.Paths,
                field = field.ToString(),
                exact = true,
                dimensions = maps.Dimensions,
                ranks,
                chainAxiom = failure is null,
                chainAxiomFailure = failure,
                bettiNumbers = homology?.BettiNumbers,
                studyBettiNumbers = study,
                eulerCharacteristic = complex.EulerCharacteristic,
            });
            return 0;
        }
        IAnsiConsole console = ConsoleFactory.Stdout();
        Console.Out.WriteLine($"Exact homology over {field} of integer maps, dimensions [{string.Join(", ", maps.Dimensions)}]");
        var table = new Table().AddColumns("map", "file", "shape", "rank", "study b_i (H at C_{i+1})");
        for (int i = 0; i < ranks.Length; i++)
            table.AddRow($"d_{i}", Markup.Escape(maps.Paths[i]), $"{maps.Dimensions[i]}x{maps.Dimensions[i + 1]}", $"{ranks[i]}", $"{study[i]}");
        console.Write(table);
        Console.Out.WriteLine($"Study Betti numbers (H at C_1..C_{ranks.Length}): [{string.Join(", ", study)}]");
        if (homology is not null)
        {
            Console.Out.WriteLine($"Betti numbers at C_0..C_{ranks.Length}: [{string.Join(", ", homology.BettiNumbers)}]");
            Console.Out.WriteLine($"Euler characteristic: {homology.EulerCharacteristic}");
        }
        else
        {
            Console.Out.WriteLine($"{failure}: not a chain complex, so only the study's vector is defined");
        }
        return 0;
    }

    /// <summary>
    /// LEAD: wire the float64 ChainComplex here (maps.Matrices, settings.Epsilon, field must be Q). Reached only when
    /// some entry is not a whole number, so the exact path cannot answer.
    /// </summary>
    private static int ReportNumeric(BoundaryMapFiles maps, Settings settings)
    {
        _ = maps;
        _ = settings;
        throw new InvalidOperationException("numerical homology of non-integer maps: not available in this build");
    }
}
