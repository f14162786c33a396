using System.Diagnostics;
using HomalgNN.Experiments.Comparisons;

namespace HomalgNN.Cli.Display;

/// <summary>
/// Time left in a comparison, from the runs finished so far. Trained runs and reused or loaded ones (measured only) take very
/// different times, and so do arms (the float64 chain trains several times slower than the float32 baseline): a trained run is
/// expected to take its arm's average, else the average of all trained runs, else what the current run's batches extrapolate to.
/// </summary>
public sealed class CompareEta(IReadOnlyList<PlannedRun> plan, Func<TimeSpan>? now = null)
{
    readonly Func<TimeSpan> _now = now ?? StopwatchClock();
    readonly bool[] _finished = new bool[plan.Count];
    readonly List<double> _measured = [];
    readonly Dictionary<string, List<double>> _trained = [];
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
        var seconds = (_now() - _currentStart).TotalSeconds;
        if (plan[index].Action != RunAction.Train) _measured.Add(seconds);
        else if (_trained.TryGetValue(plan[index].Arm, out var times)) times.Add(seconds);
        else _trained[plan[index].Arm] = [seconds];
        _finished[index] = true;
        _current = -1;
    }

    /// <summary>The estimated time left, or null while nothing allows an estimate.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            double? anyTrained = _trained.Count > 0 ? _trained.Values.SelectMany(t => t).Average() : CurrentExtrapolated();
            double perMeasured = _measured.Count > 0 ? _measured.Average() : 0;
            double left = 0;
            for (int i = 0; i < plan.Count; i++)
            {
                if (_finished[i]) continue;
                double? expected = plan[i].Action != RunAction.Train ? perMeasured
                    : _trained.TryGetValue(plan[i].Arm, out var times) ? times.Average() : anyTrained;
                if (expected is null) return null;
                left += i == _current ? Math.Max(0, expected.Value - (_now() - _currentStart).TotalSeconds) : expected.Value;
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
