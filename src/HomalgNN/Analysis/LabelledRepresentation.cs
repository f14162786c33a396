using HomalgNN.Analysis.Metrics;

namespace HomalgNN.Analysis;

/// <summary>One layer's outputs over a data set (one row per image, float64) with the images' labels, row for row.</summary>
/// <param name="Layer">The layer's name (see <see cref="Nn.StudyNetwork.LayerNames"/>).</param>
/// <param name="Representation">N x units.</param>
/// <param name="Labels">N class labels.</param>
public sealed record LabelledRepresentation(string Layer, Representation Representation, int[] Labels);
