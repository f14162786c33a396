using System.Runtime.InteropServices;

namespace HomalgNN.Training;

/// <summary>Process-wide tuning of glibc's allocator for training loops (an application's choice; the CLI makes it at startup).</summary>
/// <remarks>
/// Every step allocates and frees the same few megabytes of tensors (a batch, activations, gradients). With glibc's
/// defaults, blocks of that size are mapped and unmapped, or the heap top is trimmed, so each step touches fresh pages:
/// about 150 page faults per step here. Keeping blocks up to 32 MiB in the heap and trimming only beyond 128 MiB of free
/// space brings that to about 30 and saves a few tenths of a millisecond per step; larger blocks (whole data sets) are
/// still mapped and returned to the system when freed.
/// </remarks>
public static class NativeHeap
{
    const int TrimThreshold = -1, MmapThreshold = -3;

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int MallOpt(int parameter, int value);

    /// <summary>Applies the settings; true where they took effect (Linux with glibc), false elsewhere.</summary>
    public static bool KeepStepBuffers()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            bool mmap = MallOpt(MmapThreshold, 32 << 20) == 1;
            bool trim = MallOpt(TrimThreshold, 128 << 20) == 1;
            return mmap && trim;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no mallopt)
        }
    }
}
