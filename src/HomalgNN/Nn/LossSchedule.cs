namespace HomalgNN.Nn;

/// <summary>The annealing shapes for the exactness and chain-axiom weights over training.</summary>
public enum ScheduleKind
{
    /// <summary>w(t) = w_start (w_end / w_start)^(t/T) (the study's "recommended").</summary>
    Exponential,
    /// <summary>w(t) = w_end + (w_start - w_end) (1 + cos(pi t/T)) / 2.</summary>
    Cosine,
    /// <summary>w(t) = w_start + (w_end - w_start) t/T.</summary>
    Linear,
    /// <summary>Chain axiom only (exactness weight 0) before the split, then the end weights.</summary>
    TwoStage,
    /// <summary>The start weights throughout.</summary>
    Constant,
}

/// <summary>The weights (exactness, chain axiom) at training step t of T.</summary>
/// <param name="Kind">The annealing shape.</param>
/// <param name="ExactnessStart">Exactness weight at step 0.</param>
/// <param name="ExactnessEnd">Exactness weight at step T.</param>
/// <param name="AxiomStart">Chain-axiom weight at step 0.</param>
/// <param name="AxiomEnd">Chain-axiom weight at step T.</param>
/// <param name="Split">For two_stage: the fraction of training with the chain axiom alone.</param>
public sealed record LossSchedule(
    ScheduleKind Kind = ScheduleKind.Exponential,
    double ExactnessStart = 0.1, double ExactnessEnd = 1.0,
    double AxiomStart = 2.0, double AxiomEnd = 0.5,
    double Split = 0.5)
{
    /// <summary>The study's recommended schedule: exponential, exactness 0.1 -> 1.0, chain axiom 2.0 -> 0.5.</summary>
    public static LossSchedule Recommended => new();

    /// <summary>(w_exactness, w_axiom) at step <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public (double Exactness, double Axiom) WeightsAt(long step, long totalSteps)
    {
        double t = totalSteps <= 0 ? 1.0 : Math.Clamp((double)step / totalSteps, 0.0, 1.0);
        return Kind switch
        {
            ScheduleKind.Exponential => (Exp(ExactnessStart, ExactnessEnd, t), Exp(AxiomStart, AxiomEnd, t)),
            ScheduleKind.Cosine => (Cos(ExactnessStart, ExactnessEnd, t), Cos(AxiomStart, AxiomEnd, t)),
            ScheduleKind.Linear => (Lin(ExactnessStart, ExactnessEnd, t), Lin(AxiomStart, AxiomEnd, t)),
            ScheduleKind.TwoStage => t < Split ? (0.0, AxiomStart) : (ExactnessEnd, AxiomEnd),
            ScheduleKind.Constant => (ExactnessStart, AxiomStart),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown schedule"),
        };
    }

    static double Exp(double a, double b, double t) =>
        a > 0 && b > 0 ? a * Math.Pow(b / a, t) : Lin(a, b, t); // a geometric path needs positive ends
    static double Cos(double a, double b, double t) => b + (a - b) * (1 + Math.Cos(Math.PI * t)) / 2;
    static double Lin(double a, double b, double t) => a + (b - a) * t;
}
