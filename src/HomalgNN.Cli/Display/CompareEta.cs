using System.Diagnostics;
using HomalgNN.Experiments.Comparisons;

namespace HomalgNN.Cli.Display;

/// <summary>
/// Time left in a comparison, from the runs finished so far: trained runs and reused or loaded ones (measured only) take very
/// different times, so each kind is averaged apart; before any trained run ends, the current one is extrapolated from its batches.
/// </summary>
public sealed class CompareEta(IReadOnlyList<PlannedRun> plan, Func<TimeSpan>? now = null)
{
    readonly Func<TimeSpan> _now = now ?? StopwatchClock();
    readonly bool[] _finished = new bool[plan.Count];
    readonly List<double> _trained = [], _measured = [];
    int _current = -1;
    TimeSpan _currentStart;
    double _fraction;

    /// <summary>Runs finished.</summary>
    public int Done => _finished.Count(f => f);

    /// <summary>Run <paramref name="index"/> begins.</summary>
    public void Started(int index)
    {
        _current = index;
        _currentStart = _now();
        _fraction = 0;
    }

    /// <summary>The current run's training is this fraction (0..1) done.</summary>
    public void Progress(double fraction) => _fraction = Math.Clamp(fraction, 0, 1);

    /// <summary>Run <paramref name="index"/> ended.</summary>
    public void Finished(int index)
    {
        (plan[index].Action == RunAction.Train ? _trained : _measured).Add((_now() - _currentStart).TotalSeconds);
        _finished[index] = true;
        _current = -1;
    }

    /// <summary>The estimated time left, or null while nothing allows an estimate.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            double? perTrained = _trained.Count > 0 ? _trained.Average() : CurrentExtrapolated();
            double perMeasured = _measured.Count > 0 ? _measured.Average() : 0;
            double left = 0;
            for (int i = 0; i < plan.Count; i++)
            {
                if (_finished[i]) continue;
                bool train = plan[i].Action == RunAction.Train;
                if (train && perTrained is null) return null;
                double expected = train ? perTrained!.Value : perMeasured;
                left += i == _current ? Math.Max(0, expected - (_now() - _currentStart).TotalSeconds) : expected;
            }
            return TimeSpan.FromSeconds(left);
        }
    }

    /// <summary>"3m 20s", "45s", or "--" when unknown.</summary>
    public static string Format(TimeSpan? t) => t switch
    {
        null => "--",
        { TotalHours: >= 1 } h => $"{(int)h.TotalHours}h {h.Minutes:D2}m",
        { TotalMinutes: >= 1 } m => $"{(int)m.TotalMinutes}m {m.Seconds:D2}s",
        var s => $"{Math.Ceiling(s.Value.TotalSeconds):F0}s",
    };

    static Func<TimeSpan> StopwatchClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    double? CurrentExtrapolated()
    {
        // A few batches in, the pace of the current trained run is the only guide there is.
        if (_current < 0 || plan[_current].Action != RunAction.Train || _fraction < 0.02) return null;
        return (_now() - _currentStart).TotalSeconds / _fraction;
    }
}
