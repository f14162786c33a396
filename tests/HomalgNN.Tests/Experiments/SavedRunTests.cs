using System.Text.Json.Nodes;
using HomalgNN.Data;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Tests.Experiments;

[Collection("Training")]
public class SavedRunTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    /// <summary>Records the logits of the first 50 test images at the end of training, from the trained model itself.</summary>
    sealed class LogitsAtEnd(int epochs, Func<StudyNetwork> model, TensorData batch) : ITrainingObserver
    {
        public double[]? Logits { get; private set; }

        public void EpochFinished(EpochRecord record)
        {
            if (record.Epoch == epochs) Logits = LogitsOf(model(), batch);
        }
    }

    static double[] LogitsOf(StudyNetwork model, TensorData batch)
    {
        using var mode = new EvaluationMode(model);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return model.forward(batch.X.to(model.LayerType)).to_type(ScalarType.Float64).data<double>().ToArray();
    }

    public static string TrainTiny(NetworkConfig network, string dir, out double[] logits)
    {
        var options = new TrainingOptions(network, Epochs: 1, TrainLimit: 256, BatchSize: 64, Seed: 3);
        using var batch = TensorData.From(Mnist10k.Test.Take(50, seed: 2), ScalarType.Float64);
        StudyNetwork? model = null;
        var observer = new LogitsAtEnd(1, () => model!, batch);
        TrainingRun.Execute(options, Mnist10k, dir, observer, t => model = t.Model);
        logits = observer.Logits!;
        return dir;
    }

    [Theory]
    [InlineData(false, 0.0, ChainActivation.None, false)]
    [InlineData(true, 0.2, ChainActivation.None, false)]
    [InlineData(false, 0.0, ChainActivation.Tanh, true)]
    public void Load_AfterTraining_GivesIdenticalLogits(bool baseline, double dropout, ChainActivation activation, bool residual)
    {
        var network = new NetworkConfig(NetworkConfig.StudyDims, Baseline: baseline, Dropout: dropout, ChainActivation: activation, ChainResidual: residual);
        var dir = TrainTiny(network, TestPaths.NewTempFolder(), out var trained);

        using var saved = SavedRun.Load(dir);
        using var batch = TensorData.From(Mnist10k.Test.Take(50, seed: 2), ScalarType.Float64);

        Assert.Equal(baseline, saved.Network.Baseline);
        Assert.Equal(dropout, saved.Network.Dropout);
        Assert.Equal((activation, residual), (saved.Network.ChainActivation, saved.Network.ChainResidual));
        Assert.Equal(3, saved.Seed);
        Assert.Equal("mnist-10k", saved.Dataset);
        Assert.Equal(trained, LogitsOf(saved.Model, batch));
    }

    [Fact]
    public void Load_BrokenFolders_GiveOneLineErrorsNamingTheFault()
    {
        var good = TrainTiny(new NetworkConfig(NetworkConfig.StudyDims, Baseline: true), TestPaths.NewTempFolder(), out _);
        string Copy(Action<string> damage)
        {
            var dir = TestPaths.NewTempFolder();
            foreach (var f in Directory.GetFiles(good)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            damage(dir);
            return dir;
        }
        void EditConfig(string dir, Action<JsonObject> edit)
        {
            var path = Path.Combine(dir, "results.json");
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            edit(root);
            File.WriteAllText(path, root.ToJsonString());
        }
        void Expect<T>(string dir, string expected) where T : Exception
        {
            var e = Assert.ThrowsAny<T>(() => SavedRun.Load(dir));
            Assert.Contains(expected, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }

        Expect<DirectoryNotFoundException>(Path.Combine(good, "nowhere"), "does not exist");
        Expect<FileNotFoundException>(Copy(d => File.Delete(Path.Combine(d, "results.json"))), "holds no results.json");
        Expect<InvalidDataException>(Copy(d => File.WriteAllText(Path.Combine(d, "results.json"), "{\"config\": {")), "is not valid JSON");
        Expect<InvalidDataException>(Copy(d => EditConfig(d, r => r["completed"] = false)), "did not finish");
        Expect<InvalidDataException>(Copy(d => EditConfig(d, r => r["config"]!.AsObject().Remove("dims"))), "config.dims is missing");
        Expect<FileNotFoundException>(Copy(d => File.Delete(Path.Combine(d, "model.bin"))), "has no model.bin");
        Expect<InvalidDataException>(Copy(d => File.WriteAllBytes(Path.Combine(d, "model.bin"), [1, 2, 3, 4, 5, 6, 7])), "does not hold weights");
        Expect<InvalidDataException>(Copy(d => EditConfig(d, r => r["config"]!["dims"] = new JsonArray(16, 32, 64, 32, 16))), "does not hold weights");
        Expect<InvalidDataException>(Copy(d => EditConfig(d, r => r["config"]!["baseline"] = false)), "does not hold weights");
        Expect<InvalidDataException>(Copy(d => EditConfig(d, r => r["config"]!["bridge_width"] = 64)), "does not hold weights");
    }
}
