using TorchSharp;

namespace HomalgNN.Training;

/// <summary>torch's process-wide generator state (dropout draws from it), as bytes for checkpoints.</summary>
internal static class TorchRandom
{
    /// <summary>The default CPU generator's state.</summary>
    public static byte[] GetState()
    {
        using var generator = torch.Generator.Default;
        using var state = generator.get_state();
        return state.bytes.ToArray();
    }

    /// <summary>Restores the default CPU generator's state from <see cref="GetState"/>'s bytes.</summary>
    public static void SetState(byte[] bytes)
    {
        using var state = torch.tensor(bytes, dtype: torch.ScalarType.Byte);
        using var generator = torch.Generator.Default;
        generator.set_state(state);
    }
}
