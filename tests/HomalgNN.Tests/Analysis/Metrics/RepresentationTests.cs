using HomalgNN.Analysis.Metrics;
using TorchSharp;

namespace HomalgNN.Tests.Analysis.Metrics;

public class RepresentationTests
{
    [Fact]
    public void FromMatrix_FloatAndDouble_AgreeAndCopy()
    {
        var floats = new float[,] { { 1.5f, 2 }, { 3, 4 }, { 5, 6 } };
        var doubles = new double[,] { { 1.5, 2 }, { 3, 4 }, { 5, 6 } };

        var a = Representation.FromMatrix(floats);
        var b = Representation.FromMatrix(doubles);
        doubles[0, 0] = 99;

        Assert.Equal((3, 2), (a.Samples, a.Units));
        Assert.Equal(b.Column(1), a.Column(1));
        Assert.Equal(1.5, b[0, 0]);
    }

    [Fact]
    public void FromTensor_RoundTrips()
    {
        using var tensor = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);

        var r = Representation.FromTensor(tensor);

        Assert.Equal((2, 3), (r.Samples, r.Units));
        Assert.Equal(6, r[1, 2]);
    }

    [Fact]
    public void FromRowMajor_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Representation.FromRowMajor(new double[5], 2, 3));
    }

    [Fact]
    public void FromRowMajor_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => Representation.FromRowMajor([1, double.NaN], 1, 2));
    }
}
