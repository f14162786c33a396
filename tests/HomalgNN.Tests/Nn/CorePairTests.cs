using HomalgNN.Nn;

namespace HomalgNN.Tests.Nn;

/// <summary>The two-thread work sharing: phases in order, every share run once, failures reported.</summary>
public class CorePairTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_FinishesEachPhaseOnBothThreadsBeforeTheNext(bool parallel)
    {
        using var cores = new CorePair(parallel);
        for (int round = 0; round < 200; round++)
        {
            var first = new int[2];
            var seen = new int[2];
            cores.Run(
                half => first[half] = round + half + 1,
                // Each share reads what the other share wrote in the phase before.
                half => seen[half] = first[1 - half]);
            Assert.Equal(round + 2, seen[0]);
            Assert.Equal(round + 1, seen[1]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Run_RethrowsAFailureInEitherShare_AndStaysUsable(int failing)
    {
        using var cores = new CorePair();
        bool secondPhaseRan = false;
        var e = Assert.Throws<InvalidOperationException>(() => cores.Run(
            half => { if (half == failing) throw new InvalidOperationException($"share {half} failed"); },
            _ => secondPhaseRan = true));
        Assert.Equal($"share {failing} failed", e.Message);
        Assert.False(secondPhaseRan);

        int sum = 0;
        cores.Both(half => Interlocked.Add(ref sum, half + 1));
        Assert.Equal(3, sum);
    }
}
