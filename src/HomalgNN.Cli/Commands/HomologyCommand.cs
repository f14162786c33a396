using HomalgNN.Algebra;
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
        var numeric = ChainComplex.FromMaps(maps.Matrices, Tolerance.Absolute(settings.Epsilon));
        var spectra = Enumerable.Range(0, numeric.Length).Select(numeric.Spectrum).ToArray();
        IReadOnlyList<IntegerMatrix>? integer = maps.TryIntegerMatrices();
        CoefficientField field = settings.CoefficientField;
        var exact = integer is null ? null : new IntegerChainComplex(maps.Dimensions, integer);
        string? failure = exact?.ChainAxiomFailure(field);
        HomologyResult? homology = exact is not null && failure is null ? exact.Homology(field) : null;
        int[]? exactRanks = exact is null ? null : homology?.Ranks.ToArray() ?? exact.Ranks(field);
        int[]? exactStudy = exact is null ? null : homology?.StudyBettiNumbers.ToArray() ?? exact.StudyBettiNumbers(field);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                source = "maps",
                files = maps.Paths,
                dimensions = maps.Dimensions,
                epsilon = settings.Epsilon,
                numeric = new
                {
                    ranks = numeric.Ranks,
                    nullities = numeric.Nullities,
                    smallSingularValues = spectra.Select(x => x.SmallSingularValueCount).ToArray(),
                    singularValues = spectra.Select(x => x.SingularValues).ToArray(),
                    bettiNumbers = numeric.BettiNumbers(),
                    homology = numeric.HomologyDimensions(),
                    defects = new
                    {
                        subspaceDistance = numeric.ExactnessDefects(DefectMethod.SubspaceDistance),
                        projectionNorm = numeric.ExactnessDefects(DefectMethod.ProjectionNorm),
                        dimensionGap = numeric.ExactnessDefects(DefectMethod.DimensionGap),
                    },
                    chainAxiomNorms = numeric.ChainAxiomNorms(),
                },
                exact = exact is null ? null : new
                {
                    field = field.ToString(),
                    ranks = exactRanks,
                    chainAxiom = failure is null,
                    chainAxiomFailure = failure,
                    bettiNumbers = homology?.BettiNumbers,
                    studyBettiNumbers = exactStudy,
                },
                eulerCharacteristic = numeric.EulerCharacteristic,
            });
            return 0;
        }
        IAnsiConsole console = ConsoleFactory.Stdout();
        Console.Out.WriteLine($"Numerical homology (float64, eps {settings.Epsilon:g}) of maps with dimensions [{string.Join(", ", maps.Dimensions)}]");
        var table = new Table().AddColumns("map", "file", "shape", "rank", "nullity", "#sv < eps", "min sv", "b_i (H at C_{i+1})");
        var betti = numeric.BettiNumbers();
        for (int i = 0; i < numeric.Length; i++)
            table.AddRow($"d_{i}", Markup.Escape(maps.Paths[i]), $"{maps.Dimensions[i]}x{maps.Dimensions[i + 1]}", $"{spectra[i].Rank}",
                $"{spectra[i].Nullity}", $"{spectra[i].SmallSingularValueCount}", $"{spectra[i].MinSingularValue:G4}", $"{betti[i]}");
        console.Write(table);
        Console.Out.WriteLine($"Study Betti numbers (H at C_1..C_{numeric.Length}): [{string.Join(", ", betti)}]");
        Console.Out.WriteLine($"Homology at C_0..C_{numeric.Length}: [{string.Join(", ", numeric.HomologyDimensions())}]");
        Console.Out.WriteLine($"Exactness defects (subspace distance): [{string.Join(", ", numeric.ExactnessDefects().Select(d => d.ToString("0.####")))}]");
        Console.Out.WriteLine($"Chain axiom ||d_i d_(i+1)||_F: [{string.Join(", ", numeric.ChainAxiomNorms().Select(d => d.ToString("G4")))}]");
        if (exact is null) return 0;
        Console.Out.WriteLine($"Exact over {field} (integer entries): ranks [{string.Join(", ", exactRanks!)}], study Betti numbers [{string.Join(", ", exactStudy!)}]"
            + (homology is not null ? $", Betti numbers at C_0..C_{numeric.Length} [{string.Join(", ", homology.BettiNumbers)}], Euler characteristic {homology.EulerCharacteristic}" : $"; {failure}: not a chain complex"));
        return 0;
    }
}
