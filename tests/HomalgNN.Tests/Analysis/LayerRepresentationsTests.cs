using HomalgNN.Analysis;
using HomalgNN.Data;
using HomalgNN.Nn;
using HomalgNN.Training;
using TorchSharp;

namespace HomalgNN.Tests.Analysis;

public class LayerRepresentationsTests
{
    static readonly ImageDataset Images = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData).Test.Take(300, seed: 1);

    static StudyNetwork TinyModel()
    {
        torch.manual_seed(5);
        return new StudyNetwork(new NetworkConfig(NetworkConfig.StudyDims, Dropout: 0.3));
    }

    [Fact]
    public void Gather_BridgeOut_OneRowPerImageOf128UnitsWithTheLabels()
    {
        using var model = TinyModel();

        var r = LayerRepresentations.Gather(model, Images, "bridge_out", batchSize: 64);

        Assert.Equal("bridge_out", r.Layer);
        Assert.Equal(300, r.Representation.Samples);
        Assert.Equal(128, r.Representation.Units);
        Assert.Equal(Images.Labels.Select(l => (int)l), r.Labels);
        Assert.True(model.training); // evaluation mode is undone afterwards
    }

    [Fact]
    public void Gather_InBatches_EqualsOneBatch_DropoutOff()
    {
        using var model = TinyModel();
        using var data = TensorData.From(Images, model.LayerType);

        var batched = LayerRepresentations.Gather(model, data, "bridge_out", batchSize: 64).Representation;
        var whole = LayerRepresentations.Gather(model, data, "bridge_out", batchSize: 1000).Representation;

        // Dropout (p = 0.3) would make two passes differ: equal rows prove evaluation mode.
        for (int i = 0; i < 300; i += 37)
            for (int u = 0; u < 128; u += 5)
                Assert.Equal(whole[i, u], batched[i, u], 1e-12); // BLAS blocking differs with the batch size
    }

    [Theory]
    [InlineData("encoder_out", 256)]
    [InlineData("chain_in", 256)]
    [InlineData("chain_out", 16)]
    [InlineData("logits", 10)]
    public void Gather_EachLayer_HasItsWidth(string layer, int units)
    {
        using var model = TinyModel();
        Assert.Equal(units, LayerRepresentations.Gather(model, Images, layer).Representation.Units);
    }

    [Fact]
    public void Gather_UnknownLayer_ErrorListsTheValidNames()
    {
        using var model = TinyModel();
        var e = Assert.Throws<ArgumentException>(() => LayerRepresentations.Gather(model, Images, "bridge"));
        Assert.Contains("unknown layer 'bridge'", e.Message);
        foreach (var name in StudyNetwork.LayerNames) Assert.Contains(name, e.Message);
    }
}
