using System.ComponentModel;
using HomalgNN.Cli.Display;
using HomalgNN.Data;
using HomalgNN.Data.Download;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg data download NAME`: fetches a data set's IDX files from its mirrors and verifies them.</summary>
public sealed class DataDownloadCommand : Command<DataDownloadCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<dataset>")]
        [Description("The data set: mnist, fashion-mnist, kmnist or mnist-10k.")]
        public string Dataset { get; set; } = "";

        [CommandOption("--mirror <URL>")]
        [Description("Base URL serving <file>.gz, used instead of the catalog's mirrors.")]
        public string? Mirror { get; set; }

        [CommandOption("--data-dir <DIR>")]
        [Description("Data root to download into (default: $HOMALG_DATA, else ~/.cache/homalg-nn).")]
        public string? DataDir { get; set; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up on a mirror after this many seconds without data.")]
        [DefaultValue(60)]
        public int TimeoutSeconds { get; set; } = 60;

        public override ValidationResult Validate()
        {
            if (!DatasetCatalog.All.Any(d => string.Equals(d.Name, Dataset, StringComparison.OrdinalIgnoreCase)))
                return ValidationResult.Error($"unknown dataset '{Dataset}'; choose one of: {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}");
            if (Mirror != null && !(Uri.TryCreate(Mirror, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                return ValidationResult.Error($"--mirror '{Mirror}' is not an http:// or https:// URL");
            if (TimeoutSeconds <= 0) return ValidationResult.Error($"--timeout must be a positive number of seconds, not {TimeoutSeconds}");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = DatasetCatalog.Get(settings.Dataset);
        var options = new DownloadOptions
        {
            Mirrors = settings.Mirror == null ? null : [settings.Mirror],
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        var console = ConsoleFactory.Stdout();
        using var http = DatasetDownloader.CreateHttpClient();
        var cache = VerificationCache.ForRoot(settings.DataDir);
        Task<IReadOnlyList<FileVerification>> Run(IDownloadProgress progress) =>
            new DatasetDownloader(http, options, progress, cache).DownloadAsync(spec, settings.DataDir, cancellationToken);
        var files = ConsoleFactory.IsLive(console)
            ? LiveDownloadProgress.RunAsync(console, Run).GetAwaiter().GetResult()
            : Run(new PlainDownloadProgress(console)).GetAwaiter().GetResult();
        var folder = DatasetLocator.DownloadFolder(spec, settings.DataDir);
        bool allVerified = files.All(f => f.Status == VerificationStatus.Verified);
        console.MarkupLine($"[green]ready:[/] {Markup.Escape(spec.Name)} in {Markup.Escape(folder)} " +
                           $"({files.Count} files{(allVerified ? ", all verified" : "; see `./homalg data list`")})");
        return 0;
    }
}
