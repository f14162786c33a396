using HomalgNN.Training;

namespace HomalgNN.Tests.Training;

public class NativeHeapTests
{
    [Fact]
    public void KeepStepBuffers_TakesEffectOnLinuxWithGlibc()
    {
        // The CI machines are Debian (glibc); elsewhere the call is a harmless no-op.
        Assert.Equal(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), NativeHeap.KeepStepBuffers());
    }
}
