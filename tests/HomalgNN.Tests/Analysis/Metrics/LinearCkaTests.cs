using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Tests.Analysis.Metrics;

public class LinearCkaTests
{
    [Fact]
    public void Compute_SameRepresentation_One()
    {
        var x = Representation.FromMatrix(Synthetic.GaussianMatrix(80, 6, 1));

        Assert.Equal(1, LinearCka.Compute(x, x), 1e-12);
    }

    [Fact]
    public void Compute_OrthogonalTransformAndIsotropicScaling_Unchanged()
    {
        var x = Synthetic.GaussianMatrix(80, 6, 1);
        var y = Synthetic.Multiply(x, Synthetic.GaussianMatrix(6, 4, 2)); // related but not a rotation of x
        var q = Synthetic.Orthogonal(6, 3);
        var transformed = Synthetic.Scale(Synthetic.Multiply(x, q), 3.7);

        var before = LinearCka.Compute(Representation.FromMatrix(x), Representation.FromMatrix(y));
        var after = LinearCka.Compute(Representation.FromMatrix(transformed), Representation.FromMatrix(Synthetic.Scale(y, 0.2)));

        Assert.InRange(before, 0.05, 0.99);
        Assert.Equal(before, after, 1e-12);
        Assert.Equal(1, LinearCka.Compute(Representation.FromMatrix(x), Representation.FromMatrix(transformed)), 1e-12);
    }

    [Fact]
    public void Compute_NonIsotropicScaling_Changes()
    {
        // CKA is not invariant to scaling one unit differently: this is what distinguishes it from CCA.
        var x = Synthetic.GaussianMatrix(80, 3, 4);
        var stretched = (double[,])x.Clone();
        for (var i = 0; i < 80; i++)
        {
            stretched[i, 0] *= 10;
        }

        Assert.True(LinearCka.Compute(Representation.FromMatrix(x), Representation.FromMatrix(stretched)) < 0.9);
    }

    [Fact]
    public void Compute_ConstantSide_NaN()
    {
        var x = Representation.FromMatrix(Synthetic.GaussianMatrix(5, 2, 1));
        var constant = Representation.FromMatrix(new double[5, 2]);

        Assert.True(double.IsNaN(LinearCka.Compute(x, constant)));
    }
}
