using System.ComponentModel;
using System.Text.Json;
using HomalgNN.Cli.Display;
using HomalgNN.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>`homalg data list`: each catalog data set, where it was found, whether it verifies, and its sizes, or how to get it.</summary>
public sealed class DataListCommand : Command<DataListCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data-dir <DIR>")]
        [Description("Look only in this data root (default: $HOMALG_DATA, ./data, ~/.cache/homalg-nn, /usr/share/datasets, ../shared/data).")]
        public string? DataDir { get; set; }

        [CommandOption("--json")]
        [Description("Print JSON instead of a table.")]
        public bool Json { get; set; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var cache = VerificationCache.ForRoot(settings.DataDir);
        var statuses = DatasetCatalog.All.Select(d => DatasetStatus.Inspect(d, settings.DataDir, cache)).ToList();
        cache.Save();
        if (settings.Json) Console.Out.WriteLine(JsonSerializer.Serialize(statuses.Select(ToJson), JsonOptions));
        else PrintTable(ConsoleFactory.Stdout(), statuses);
        return 0;
    }

    static void PrintTable(IAnsiConsole console, IReadOnlyList<DatasetStatus> statuses)
    {
        var table = new Table().AddColumns("data set", "status", "folder", "train", "test");
        foreach (var s in statuses)
            table.AddRow(Markup.Escape(s.Spec.Name), Label(s),
                Markup.Escape(s.Folder ?? $"get it: {s.DownloadCommand}"),
                s.TrainCount?.ToString("N0") ?? "", s.TestCount?.ToString("N0") ?? "");
        console.Write(table);
        foreach (var s in statuses)
            foreach (var f in s.Files.Where(f => f.Status != VerificationStatus.Verified))
                console.MarkupLine($"{Label(s)} {Markup.Escape($"{s.Spec.Name}: {f.Path}: {f.Detail}")}");
    }

    static string Label(DatasetStatus s) => s.Status switch
    {
        null => "[grey]missing[/]",
        VerificationStatus.Verified => "[green]verified[/]",
        VerificationStatus.StructureOnly => "[yellow]structure only[/]",
        _ => "[red]INVALID[/]",
    };

    static string StatusName(DatasetStatus s) => s.Status switch
    {
        null => "missing",
        VerificationStatus.Verified => "verified",
        VerificationStatus.StructureOnly => "structure-only",
        _ => "invalid",
    };

    static object ToJson(DatasetStatus s) => new
    {
        name = s.Spec.Name,
        description = s.Spec.Description,
        status = StatusName(s),
        folder = s.Folder,
        train = s.TrainCount,
        test = s.TestCount,
        files = s.Files.Select(f => new { file = f.Resource.FileName, path = f.Path, status = f.Status.ToString(), detail = f.Detail }),
        download = s.DownloadCommand,
    };

    static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
