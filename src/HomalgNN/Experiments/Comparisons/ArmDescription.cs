using System.Globalization;
using System.Text.Json;

namespace HomalgNN.Experiments.Comparisons;

/// <summary>A one-line account of how an arm's runs were trained, read from a run's results.json config.</summary>
public static class ArmDescription
{
    /// <summary>E.g. "chain [16,32,64,128,256], lambda 0.5, float64, 15 epochs, 8000 training images".</summary>
    public static string Of(JsonElement config)
    {
        string Text(string key) => config.TryGetProperty(key, out var e) ? e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText() : "?";
        double Number(string key) => config.TryGetProperty(key, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : 0;
        bool baseline = config.TryGetProperty("baseline", out var b) && b.ValueKind == JsonValueKind.True;
        var dims = config.TryGetProperty("dims", out var d) && d.ValueKind == JsonValueKind.Array ? string.Join(",", d.EnumerateArray().Select(x => x.GetRawText())) : "?";
        var parts = new List<string> { baseline ? $"baseline MLP [{dims}], float32" : $"chain [{dims}], lambda {Text("lambda")}, {Text("precision").ToLowerInvariant()}" };
        if (Number("weight_decay") > 0) parts.Add($"weight decay {Text("weight_decay")}");
        if (Number("dropout") > 0) parts.Add($"dropout {Text("dropout")}");
        parts.Add(Text("epochs") == "1" ? "1 epoch" : $"{Text("epochs")} epochs");
        parts.Add($"{Number("train_images").ToString(CultureInfo.InvariantCulture)} training images");
        return string.Join(", ", parts);
    }
}
