namespace HomalgNN.Cli.Commands;

/// <summary>Parses enum flags written as on the command line (projection_norm, two-stage, float64) into .NET enums.</summary>
public static class Names
{
    /// <summary>The enum value whose name equals <paramref name="text"/> ignoring case, '_' and '-'; the error lists the choices.</summary>
    public static T Parse<T>(string text, string flag) where T : struct, Enum
    {
        static string Key(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();
        foreach (var v in Enum.GetValues<T>())
            if (Key(v.ToString()) == Key(text)) return v;
        throw new ArgumentException($"{flag} must be one of {string.Join(", ", Enum.GetValues<T>().Select(ToFlag))}, got '{text}'");
    }

    /// <summary>The snake_case spelling of an enum value, as flags and JSON write it.</summary>
    public static string ToFlag<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))
            .Replace("float_", "float");
}
