using System.ComponentModel;
using System.Reflection;
using Spectre.Console.Cli;

namespace HomalgNN.Cli.Commands;

/// <summary>The flags of `train` by name, read from TrainSettings' own attributes, so that a grid file sets any of them exactly as the command line would.</summary>
public static class TrainFlags
{
    static readonly Dictionary<string, PropertyInfo> Properties = typeof(TrainSettings).GetProperties()
        .SelectMany(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.Select(n => (Name: n, Property: p)) ?? [])
        .ToDictionary(x => x.Name, x => x.Property);

    /// <summary>Every long flag name of `train`, without dashes.</summary>
    public static IEnumerable<string> Names => Properties.Keys.Order();

    /// <summary>Whether <paramref name="name"/> (without dashes) is a flag of `train`.</summary>
    public static bool IsFlag(string name) => Properties.ContainsKey(name);

    /// <summary>A fresh TrainSettings holding the train flags of <paramref name="source"/> (which may be a command's settings deriving from it).</summary>
    public static TrainSettings Copy(TrainSettings source)
    {
        var copy = new TrainSettings();
        foreach (var p in Properties.Values.Distinct()) p.SetValue(copy, p.GetValue(source));
        return copy;
    }

    /// <summary>Sets flag <paramref name="name"/> from its text as typed after the flag (null clears an optional flag); the error names the flag.</summary>
    public static void Set(TrainSettings target, string name, string? text)
    {
        var p = Properties[name];
        if (text is null)
        {
            if (p.PropertyType.IsValueType && Nullable.GetUnderlyingType(p.PropertyType) is null)
                throw new ArgumentException($"--{name} needs a value, got null");
            p.SetValue(target, null);
            return;
        }
        try
        {
            p.SetValue(target, TypeDescriptor.GetConverter(p.PropertyType).ConvertFromInvariantString(text));
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
        {
            throw new ArgumentException($"--{name} must be {Describe(p.PropertyType)}, got '{text}'");
        }
    }

    static string Describe(Type t) => (Nullable.GetUnderlyingType(t) ?? t) switch
    {
        var x when x == typeof(bool) => "true or false",
        var x when x == typeof(int) => "an integer",
        var x when x == typeof(double) => "a number",
        _ => "text",
    };
}
