using System.Globalization;

namespace HomalgNN.Benchmarks;

/// <summary>How busy the machine is (/proc): other processes competing for the cores make timings unreliable.</summary>
public static class LoadAverage
{
    /// <summary>The one-minute load average, or null where /proc is not available.</summary>
    public static double? OneMinute()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return null;
        var first = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>
    /// The fraction of all cores' time spent busy over the next <paramref name="window"/> (from /proc/stat), or null where
    /// /proc is not available: unlike the load average, it does not remember the last minute.
    /// </summary>
    public static double? BusyFraction(TimeSpan window)
    {
        if (Ticks() is not { } before) return null;
        Thread.Sleep(window);
        if (Ticks() is not { } after) return null;
        double total = after.Total - before.Total, idle = after.Idle - before.Idle;
        return total > 0 ? Math.Clamp(1 - idle / total, 0, 1) : null;
    }

    /// <summary>All-core jiffies: total, and idle + iowait.</summary>
    static (double Total, double Idle)? Ticks()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path)) return null;
        var cpu = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (cpu is null) return null;
        var v = cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return v.Length >= 5 ? (v.Sum(), v[3] + v[4]) : null;
    }
}
