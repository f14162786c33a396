using TorchSharp;

namespace HomalgNN.Tests;

public class NativeLoadTests
{
    [Fact]
    public void LibTorchSharp_Loads_AndComputesAnSvd()
    {
        // Fails with "doesn't contain a reference to libtorch-cpu-linux-x64" when the build did not patch the wrapper.
        using var a = torch.tensor(new double[,] { { 3, 0 }, { 0, 4 } });
        using var s = torch.linalg.svdvals(a);
        Assert.Equal(new[] { 4.0, 3.0 }, s.data<double>().ToArray());
    }
}
