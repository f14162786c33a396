using HomalgNN.Nn;

namespace HomalgNN.Tests.Nn;

public class LossScheduleTests
{
    [Fact]
    public void Recommended_IsExponentialFromStartToEnd()
    {
        var s = LossSchedule.Recommended;
        Assert.Equal((0.1, 2.0), s.WeightsAt(0, 100));
        var (ex, ax) = s.WeightsAt(50, 100);
        Assert.Equal(Math.Sqrt(0.1 * 1.0), ex, 12);
        Assert.Equal(Math.Sqrt(2.0 * 0.5), ax, 12);
        var end = s.WeightsAt(100, 100);
        Assert.Equal(1.0, end.Exactness, 12);
        Assert.Equal(0.5, end.Axiom, 12);
    }

    [Theory]
    [InlineData(ScheduleKind.Linear, 0.55, 1.25)]
    [InlineData(ScheduleKind.Cosine, 0.55, 1.25)]
    [InlineData(ScheduleKind.Constant, 0.1, 2.0)]
    [InlineData(ScheduleKind.TwoStage, 1.0, 0.5)]
    public void Midpoints(ScheduleKind kind, double ex, double ax)
    {
        var (e, a) = new LossSchedule(kind).WeightsAt(50, 100);
        Assert.Equal(ex, e, 12);
        Assert.Equal(ax, a, 12);
    }

    [Fact]
    public void TwoStage_IsChainAxiomOnlyBeforeTheSplit()
    {
        var s = new LossSchedule(ScheduleKind.TwoStage, Split: 0.3);
        Assert.Equal((0.0, 2.0), s.WeightsAt(29, 100));
        Assert.Equal((1.0, 0.5), s.WeightsAt(30, 100));
    }
}
