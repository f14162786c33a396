using System.Reflection;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>Reads the train flags of one `compare --arm NAME="FLAGS"` with train's own parser, on top of the comparison's shared flags.</summary>
public static class ArmFlags
{
    // These describe the whole comparison (its data, output and seeds), not one arm.
    static readonly string[] PerComparison = ["--out", "--seed", "--dataset", "--data-dir", "--tensorboard"];

    static readonly (PropertyInfo Property, string[] Flags)[] Options = typeof(TrainSettings).GetProperties()
        .Select(p => (p, p.GetCustomAttribute<CommandOptionAttribute>()))
        .Where(x => x.Item2 is not null)
        .Select(x => (x.p, x.Item2!.LongNames.Select(n => "--" + n).ToArray()))
        .ToArray();

    /// <summary>
    /// The settings of arm <paramref name="arm"/>: each flag named in <paramref name="flags"/> as given there, every other as in
    /// <paramref name="shared"/>, except weight decay and dropout, which are off unless the arm names them (on the command line
    /// they set the strength of the built-in l2 and dropout arms).
    /// </summary>
    public static TrainSettings Parse(string arm, string flags, TrainSettings shared)
    {
        var tokens = flags.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var given = tokens.Where(t => t.StartsWith("--", StringComparison.Ordinal)).Select(t => t.Split('=', ':')[0]).ToHashSet();
        var misplaced = PerComparison.FirstOrDefault(given.Contains);
        if (misplaced is not null) throw new ArgumentException($"--arm {arm}: {misplaced} applies to the whole comparison, not to one arm");
        var parsed = ParseAlone(arm, tokens);
        var result = new TrainSettings { WeightDecay = 0, Dropout = 0 };
        foreach (var (property, names) in Options)
        {
            if (names.Any(given.Contains)) property.SetValue(result, property.GetValue(parsed));
            else if (property.Name is not (nameof(TrainSettings.WeightDecay) or nameof(TrainSettings.Dropout))) property.SetValue(result, property.GetValue(shared));
        }
        return result;
    }

    static TrainSettings ParseAlone(string arm, string[] tokens)
    {
        TrainSettings? parsed = null;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            config.AddDelegate<TrainSettings>("arm", (_, settings, _) =>
            {
                parsed = settings;
                return 0;
            });
        });
        try
        {
            app.Run(["arm", .. tokens]);
        }
        catch (Exception e) when (e is CommandAppException or ArgumentException)
        {
            throw new ArgumentException($"--arm {arm}: {e.Message.ReplaceLineEndings(" ").Trim()}");
        }
        return parsed ?? throw new ArgumentException($"--arm {arm}: the flags were not understood");
    }
}
