using Spectre.Console.Cli;

namespace HomalgNN.Cli;

/// <summary>The one place where commands are added to the CLI (one line each).</summary>
public static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.TrainCommand>("train").WithDescription("Train the study's network with the exactness regulariser; writes results.json and model.bin.");
        config.AddCommand<Commands.DiagnoseCommand>("diagnose").WithDescription("Train with full diagnostics every N steps: spectra, ranks, gradients by source, defects, Betti numbers; 9-panel figure and explanation.");
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
