using TorchSharp;

namespace HomalgNN.Training;

/// <summary>Puts a module in evaluation mode for a using block and restores training mode after it if it was on.</summary>
public readonly struct EvaluationMode : IDisposable
{
    readonly torch.nn.Module _module;
    readonly bool _wasTraining;

    /// <summary>Switches <paramref name="module"/> to evaluation mode (dropout off) until disposed.</summary>
    public EvaluationMode(torch.nn.Module module)
    {
        _module = module;
        _wasTraining = module.training;
        module.eval();
    }

    /// <summary>Restores training mode if the module was training before.</summary>
    public void Dispose()
    {
        if (_wasTraining) _module.train();
    }
}
