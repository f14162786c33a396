using HomalgNN.Experiments.Comparisons;
using HomalgNN.Training;

namespace HomalgNN.Cli.Commands;

/// <summary>Turns compare's --arms, --arm and --run flags into the arms of a comparison, in table order.</summary>
public static class CompareArms
{
    /// <summary>Weight decay of the l2 arm and dropout of the dropout arm when --weight-decay or --dropout is not given.</summary>
    public const double DefaultWeightDecay = 1e-4, DefaultDropout = 0.2;

    /// <summary>The arms known by name.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["baseline", "chain", "exact", "l2", "dropout"];

    /// <summary>
    /// The arms listed in <paramref name="arms"/>, then those defined by --arm or --run that the list does not name. An arm with
    /// --run is loaded; one with --arm is trained with its flags; a built-in name is trained as described in --help.
    /// </summary>
    public static List<CompareArm> Build(TrainSettings shared, string arms, IReadOnlyList<string> armFlags, IReadOnlyList<string> runFlags)
    {
        var custom = armFlags.Select(a => Split(a, "--arm", "NAME=\"--flag value ...\"")).ToList();
        var runs = runFlags.Select(r => Split(r, "--run", "ARM=DIR")).ToList();
        var repeated = custom.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"--arm {repeated.Key} is defined more than once");
        var both = custom.FirstOrDefault(c => runs.Any(r => r.Name == c.Name));
        if (both != default) throw new ArgumentException($"arm '{both.Name}' has both --arm (train it) and --run (load it); choose one");
        var names = arms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var twice = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"--arms names '{twice.Key}' twice");
        names.AddRange(custom.Select(c => c.Name).Concat(runs.Select(r => r.Name)).Distinct().Where(n => !names.Contains(n)).ToList());
        if (names.Count == 0) throw new ArgumentException("--arms names no arm");
        var options = shared.ToOptions();
        return names.Select(name =>
            runs.Any(r => r.Name == name) ? CompareArm.Loaded(name, runs.Where(r => r.Name == name).Select(r => r.Value).ToList())
            : custom.FirstOrDefault(c => c.Name == name) is { Name: not null } c ? CompareArm.Trained(name, ArmFlags.Parse(name, c.Value, shared).ToOptions())
            : CompareArm.Trained(name, BuiltInArm(name, options))).ToList();
    }

    /// <summary>A built-in arm's training settings from the shared ones; none but l2 and dropout get weight decay or dropout.</summary>
    public static TrainingOptions BuiltInArm(string name, TrainingOptions shared)
    {
        var plain = shared with { WeightDecay = 0, Network = shared.Network with { Dropout = 0, Baseline = false } };
        var baseline = plain with { Network = plain.Network with { Baseline = true } };
        return name switch
        {
            "baseline" => baseline,
            "chain" => plain with { Lambda = 0 },
            "exact" => plain,
            "l2" => baseline with { WeightDecay = shared.WeightDecay > 0 ? shared.WeightDecay : DefaultWeightDecay },
            "dropout" => baseline with { Network = baseline.Network with { Dropout = shared.Network.Dropout > 0 ? shared.Network.Dropout : DefaultDropout } },
            _ => throw new ArgumentException(
                $"unknown arm '{name}'; the built-in arms are {string.Join(", ", BuiltIn)}; define others with --arm {name}=\"--flag value ...\" or load them with --run {name}=DIR"),
        };
    }

    static (string Name, string Value) Split(string text, string flag, string form)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"{flag} must look like {form}, got '{text}'");
        return (text[..eq].Trim(), text[(eq + 1)..].Trim().Trim('"', '\''));
    }
}
