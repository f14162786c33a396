namespace HomalgNN.Analysis.Optimisation;

/// <summary>The last m step/gradient-change pairs of L-BFGS and the two-loop recursion that applies their inverse Hessian.</summary>
internal sealed class CorrectionHistory(int memory, int dimension)
{
    private readonly double[][] _steps = NewRing(memory, dimension);
    private readonly double[][] _gradientChanges = NewRing(memory, dimension);
    private readonly double[] _inverseCurvature = new double[memory];
    private readonly double[] _alpha = new double[memory];
    private double[] _scratchStep = new double[dimension];
    private double[] _scratchChange = new double[dimension];
    private int _newest = -1;

    /// <summary>Number of pairs held.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets every pair.</summary>
    public void Clear()
    {
        Count = 0;
        _newest = -1;
    }

    /// <summary>Stores s = x1 - x0, y = g1 - g0 unless s.y is not positive (the update would lose positive definiteness).</summary>
    public void Push(double[] x0, double[] x1, double[] g0, double[] g1)
    {
        // Build the pair in scratch space: a rejected pair must not overwrite the oldest one still in use.
        for (var k = 0; k < dimension; k++)
        {
            _scratchStep[k] = x1[k] - x0[k];
            _scratchChange[k] = g1[k] - g0[k];
        }

        var sy = Lbfgs.Dot(_scratchStep, _scratchChange);
        if (!(sy > 1e-10 * Lbfgs.Dot(_scratchChange, _scratchChange)))
        {
            return;
        }

        var slot = (_newest + 1) % memory;
        (_steps[slot], _scratchStep) = (_scratchStep, _steps[slot]);
        (_gradientChanges[slot], _scratchChange) = (_scratchChange, _gradientChanges[slot]);
        _inverseCurvature[slot] = 1 / sy;
        _newest = slot;
        Count = Math.Min(Count + 1, memory);
    }

    /// <summary>Writes -H g into <paramref name="direction"/>, H the L-BFGS inverse Hessian (identity when empty).</summary>
    public void Direction(double[] gradient, double[] direction)
    {
        for (var k = 0; k < dimension; k++)
        {
            direction[k] = -gradient[k];
        }

        for (var age = 0; age < Count; age++)
        {
            var slot = Slot(age);
            var a = _inverseCurvature[slot] * Lbfgs.Dot(_steps[slot], direction);
            _alpha[slot] = a;
            Axpy(-a, _gradientChanges[slot], direction);
        }

        if (Count > 0)
        {
            // Initial inverse Hessian gamma I with gamma = s.y / y.y of the newest pair.
            var y = _gradientChanges[_newest];
            var gamma = 1 / (_inverseCurvature[_newest] * Lbfgs.Dot(y, y));
            for (var k = 0; k < dimension; k++)
            {
                direction[k] *= gamma;
            }
        }

        for (var age = Count - 1; age >= 0; age--)
        {
            var slot = Slot(age);
            var b = _inverseCurvature[slot] * Lbfgs.Dot(_gradientChanges[slot], direction);
            Axpy(_alpha[slot] - b, _steps[slot], direction);
        }
    }

    /// <summary>Ring slot of the pair <paramref name="age"/> steps older than the newest.</summary>
    private int Slot(int age) => ((_newest - age) % memory + memory) % memory;

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var k = 0; k < y.Length; k++)
        {
            y[k] += a * x[k];
        }
    }

    private static double[][] NewRing(int memory, int dimension)
    {
        var ring = new double[memory][];
        for (var i = 0; i < memory; i++)
        {
            ring[i] = new double[dimension];
        }

        return ring;
    }
}
