using System.Runtime.ExceptionServices;
using TorchSharp;

namespace HomalgNN.Nn;

/// <summary>
/// Two threads that share the work of a training step, each with one intra-op thread: the caller (index 0) and a dedicated
/// worker (index 1). With one core, or <c>parallel: false</c>, the caller does both shares, one after the other.
/// </summary>
/// <remarks>
/// Why not libtorch's own threads: on the study's shapes (batches of 128) its two-thread matrix products are only 1.4x
/// faster than one thread, and its helper thread spins through the serial parts of the step, so a thread of ours would
/// compete with that spinning. Splitting each large product into two single-threaded halves by output columns is 2x
/// faster than one thread here, and the serial parts (the exactness loss's eigen-decompositions, Adam) can be shared too.
/// The worker spins between the parts of a step (a blocked thread takes tens of microseconds to wake on a virtual
/// machine) and blocks after a few milliseconds without work.
/// Which thread computes a share never changes a number: every share is computed by one thread with one intra-op thread,
/// the same operations in the same order.
/// </remarks>
public sealed class CorePair : IDisposable
{
    const int SpinLimit = 50_000;

    readonly Thread? _worker;
    readonly ManualResetEventSlim _wake = new(false);
    Action<int>[] _phases = [];
    bool _gradEnabled;
    Exception? _failure;
    long _posted, _finished;
    int _sleeping, _arrived, _generation, _left;
    volatile bool _stopping, _broken;

    /// <summary>A pair without a second thread: both shares run on the caller, one after the other.</summary>
    public static CorePair Serial { get; } = new(parallel: false);

    /// <summary>A pair running on two threads when <paramref name="parallel"/> and the machine has at least two cores.</summary>
    public CorePair(bool parallel = true)
    {
        if (!parallel || Environment.ProcessorCount < 2) return;
        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "homalg second core" };
        _worker.Start();
    }

    /// <summary>Whether the shares run on two threads.</summary>
    public bool IsParallel => _worker is not null;

    /// <summary>Runs <paramref name="share"/>(0) and <paramref name="share"/>(1) at once; returns when both are done.</summary>
    public void Both(Action<int> share) => Run(share);

    /// <summary>
    /// Runs each phase as <see cref="Both"/> does, in order, both threads finishing one phase before either starts the next.
    /// Each thread keeps one dispose scope for the whole call, so tensors made in a phase can be read by either thread in
    /// later phases; what must outlive the call is written into tensors made before it, or detached from the scope.
    /// An exception in either thread stops both after the phase and is rethrown here.
    /// </summary>
    public void Run(params Action<int>[] phases)
    {
        if (_worker is null)
        {
            using var scope = torch.NewDisposeScope();
            foreach (var phase in phases)
            {
                phase(0);
                phase(1);
            }
            return;
        }
        _failure = null;
        _broken = false;
        _arrived = 0;
        _left = 0;
        // Autograd's mode is per thread: the worker takes the caller's (a share under no_grad must not record a graph).
        _gradEnabled = torch.is_grad_enabled();
        Volatile.Write(ref _phases, phases);
        long id = Interlocked.Increment(ref _posted);
        if (Interlocked.CompareExchange(ref _sleeping, 0, 0) == 1) _wake.Set();
        var mine = RunShare(phases, 0);
        for (int spins = 0; Volatile.Read(ref _finished) != id; spins++) Pause(spins);
        if (mine is not null) ExceptionDispatchInfo.Capture(mine).Throw();
        if (_failure is { } theirs) ExceptionDispatchInfo.Capture(theirs).Throw();
    }

    Exception? RunShare(Action<int>[] phases, int index)
    {
        Exception? failure = null;
        using (torch.NewDisposeScope())
        {
            for (int p = 0; p < phases.Length; p++)
            {
                try { phases[p](index); }
                catch (Exception e)
                {
                    // The other thread leaves the barrier it waits at, or the next one it reaches.
                    _broken = true;
                    failure = e;
                    break;
                }
                if (p + 1 < phases.Length && !Barrier()) break;
            }
            // Neither scope may end while the other thread can still read its tensors.
            Interlocked.Increment(ref _left);
            for (int spins = 0; Volatile.Read(ref _left) < 2; spins++) Pause(spins);
        }
        return failure;
    }

    /// <summary>Waits for the other thread to finish the phase; false when it failed.</summary>
    bool Barrier()
    {
        int generation = Volatile.Read(ref _generation);
        if (Interlocked.Increment(ref _arrived) == 2)
        {
            Volatile.Write(ref _arrived, 0);
            Interlocked.Increment(ref _generation);
            return !_broken;
        }
        for (int spins = 0; Volatile.Read(ref _generation) == generation && !_broken; spins++) Pause(spins);
        return !_broken;
    }

    /// <summary>Spins briefly, then yields: with more busy threads than cores the other share may be waiting for this core.</summary>
    static void Pause(int spins)
    {
        if (spins < 20_000) Thread.SpinWait(8);
        else Thread.Yield();
    }

    void WorkerLoop()
    {
        // One intra-op thread here: the shares are the parallelism.
        using var single = IntraOpThreads.OnThisThread(1);
        long seen = 0;
        while (true)
        {
            int spins = 0;
            while (Volatile.Read(ref _posted) == seen && !_stopping)
            {
                if (++spins < SpinLimit) { Thread.SpinWait(20); continue; }
                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref _posted) == seen && !_stopping) _wake.Wait();
                _wake.Reset();
                Interlocked.Exchange(ref _sleeping, 0);
                spins = 0;
            }
            if (_stopping) return;
            seen = Volatile.Read(ref _posted);
            using (torch.set_grad_enabled(_gradEnabled))
                if (RunShare(Volatile.Read(ref _phases), 1) is { } e) _failure = e;
            Volatile.Write(ref _finished, seen);
        }
    }

    /// <summary>Stops the worker.</summary>
    public void Dispose()
    {
        if (_worker is null || _stopping) return;
        _stopping = true;
        _wake.Set();
        _worker.Join();
        _wake.Dispose();
    }
}
