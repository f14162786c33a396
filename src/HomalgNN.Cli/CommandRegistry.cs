using Spectre.Console.Cli;

namespace HomalgNN.Cli;

/// <summary>The one place where commands are added to the CLI (one line each).</summary>
public static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.TrainCommand>("train").WithDescription("Train the study's network with the exactness regulariser; writes results.json and model.bin.");
        config.AddCommand<Commands.CompareCommand>("compare").WithDescription("Train (or load) arms such as baseline, exact, l2 and dropout on the same seeds; test every representation metric at one layer against the first arm; writes compare.md and compare.json.");
        config.AddCommand<Commands.DiagnoseCommand>("diagnose").WithDescription("Train with full diagnostics every N steps: spectra, ranks, gradients by source, defects, Betti numbers; 9-panel figure and explanation.");
        config.AddCommand<Commands.SweepCommand>("sweep").WithDescription("One run per grid point and seed (--lambda 0.1,0.3,... or --grid FILE over any train flags); writes sweep.md, sweep.csv, sweep.json.");
        config.AddCommand<Commands.StudyCommand>("study").WithDescription("Run every experiment of the study into one folder and write report.md (tables with seeds, intervals and computed verdicts).");
        config.AddCommand<Commands.MergeCommand>("merge").WithDescription("Gather the shard folders of a sweep or study into one folder and write its report.");
        config.AddCommand<Commands.OptimizeCommand>("optimize").WithDescription("Optimise a free chain (no data) towards exactness and print Betti numbers and losses.");
        config.AddCommand<Commands.FrontierCommand>("frontier").WithDescription("Map test accuracy against distance from genuine exactness over lambda x loss x architecture x seeds.");
        config.AddCommand<Commands.HomologyCommand>("homology").WithDescription("Betti numbers of a simplicial complex (--facets, exact over Q or GF(p)) or of boundary maps in .npy files (--maps: exact for integer entries, numerical otherwise).");
        config.AddCommand<Commands.FeasibilityCommand>("feasibility").WithDescription("What the dimensions n_0..n_k permit for Betti numbers, whatever the maps.");
        config.AddCommand<Commands.BenchCommand>("bench").WithDescription("Time our training step against a PyTorch reference of the study's, side by side on the same data; --quick for a one-minute run.");
        config.AddCommand<Commands.VersionCommand>("version").WithDescription("Print versions of homalg-nn, TorchSharp and libtorch.");
        config.AddBranch("data", data =>
        {
            data.SetDescription("List and download the IDX data sets (mnist, fashion-mnist, kmnist, mnist-10k).");
            data.AddCommand<Commands.DataListCommand>("list").WithDescription("Show where each data set is, whether it verifies, and its sizes.");
            data.AddCommand<Commands.DataDownloadCommand>("download").WithDescription("Download a data set from its mirrors and verify it.");
        });
    }
}
