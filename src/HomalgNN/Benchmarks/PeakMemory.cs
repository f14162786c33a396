namespace HomalgNN.Benchmarks;

/// <summary>The peak resident set size of this process, as the kernel counts it (VmHWM in /proc/self/status).</summary>
public static class PeakMemory
{
    /// <summary>Bytes, or null where /proc is not available.</summary>
    public static long? PeakResidentBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "VmHWM:   123456 kB"
            return parts.Length >= 2 && long.TryParse(parts[1], out long kb) ? kb * 1024 : null;
        }
        return null;
    }
}
