using System.Runtime.InteropServices;
using TorchSharp;

namespace HomalgNN.Nn;

/// <summary>The number of intra-op threads libtorch (OpenMP) and its MKL use for operations started on the calling thread, and only there.</summary>
/// <remarks>
/// torch.set_num_threads is process-wide in part: besides the caller's OpenMP and MKL settings it stores a global default
/// for threads yet to start and switches MKL's dynamic thread adjustment off for everyone, after which every small MKL
/// call (a 16 x 16 eigen-decomposition) runs on all threads; here that made a training step twice as slow. So the two
/// thread-local settings are made directly: OpenMP's nthreads-var of this thread and MKL's local thread count, through the
/// libraries libtorch has already loaded. Where they cannot be found (another platform or build) torch.set_num_threads
/// is used instead.
/// </remarks>
internal static unsafe class IntraOpThreads
{
    static readonly delegate* unmanaged<int, void> OmpSetNumThreads;
    static readonly delegate* unmanaged<int> OmpGetMaxThreads;
    static readonly delegate* unmanaged<int, int> MklSetNumThreadsLocal;

    static IntraOpThreads()
    {
        // libtorch's first call initialises its thread settings; loading by name then finds the copies it loaded.
        torch.get_num_threads();
        if (!OperatingSystem.IsLinux()) return;
        if (Export("libgomp-98b21ff3.so.1", "omp_set_num_threads") is { } set && Export("libgomp-98b21ff3.so.1", "omp_get_max_threads") is { } get
            && Export("libtorch_cpu.so", "MKL_Set_Num_Threads_Local") is { } mkl)
        {
            OmpSetNumThreads = (delegate* unmanaged<int, void>)set;
            OmpGetMaxThreads = (delegate* unmanaged<int>)get;
            MklSetNumThreadsLocal = (delegate* unmanaged<int, int>)mkl;
        }
    }

    static nint? Export(string library, string name) =>
        NativeLibrary.TryLoad(library, out var handle) && NativeLibrary.TryGetExport(handle, name, out var address) ? address : null;

    /// <summary>Sets this thread's intra-op threads to <paramref name="threads"/> until the returned object is disposed (on this thread).</summary>
    public static IDisposable OnThisThread(int threads)
    {
        if (OmpSetNumThreads == null)
        {
            int before = torch.get_num_threads();
            torch.set_num_threads(threads);
            return new Restore(() => torch.set_num_threads(before));
        }
        // The first operation on a new thread would otherwise reset these to libtorch's defaults.
        torch.get_num_threads();
        int omp = OmpGetMaxThreads();
        OmpSetNumThreads(threads);
        int mkl = MklSetNumThreadsLocal(threads);
        return new Restore(() =>
        {
            OmpSetNumThreads(omp);
            MklSetNumThreadsLocal(mkl);
        });
    }

    sealed class Restore(Action undo) : IDisposable
    {
        bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            undo();
        }
    }
}
