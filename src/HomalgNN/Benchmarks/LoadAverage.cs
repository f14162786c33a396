namespace HomalgNN.Benchmarks;

/// <summary>The machine's one-minute load average (/proc/loadavg): other processes competing for the cores make timings unreliable.</summary>
public static class LoadAverage
{
    /// <summary>The one-minute load average, or null where /proc is not available.</summary>
    public static double? OneMinute()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return null;
        var first = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}
