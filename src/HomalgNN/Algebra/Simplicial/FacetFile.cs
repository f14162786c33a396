namespace HomalgNN.Algebra.Simplicial;

/// <summary>
/// Reads a simplicial complex from a text file of facets: one facet per line, vertex labels separated by whitespace,
/// '#' starts a comment, blank lines are ignored. Faults raise InvalidDataException naming the file and line.
/// </summary>
public static class FacetFile
{
    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static SimplicialComplex Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: cannot read the facet file: {OneLine(e.Message)}", e);
        }
        return Parse(new StringReader(text), path);
    }

    /// <summary>Parses facets from a reader; <paramref name="source"/> names it in error messages.</summary>
    public static SimplicialComplex Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var facets = new List<IReadOnlyList<string>>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            int comment = line.IndexOf('#');
            string content = comment >= 0 ? line[..comment] : line;
            string[] vertices = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (vertices.Length == 0) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string v in vertices)
                if (!seen.Add(v)) throw new InvalidDataException($"{source}, line {lineNumber}: vertex '{v}' appears twice in one facet");
            if (vertices.Length > SimplicialComplex.MaxFacetVertices)
                throw new InvalidDataException(
                    $"{source}, line {lineNumber}: a facet with {vertices.Length} vertices is too large (at most {SimplicialComplex.MaxFacetVertices})");
            facets.Add(vertices);
        }
        if (facets.Count == 0)
            throw new InvalidDataException($"{source}: no facets (the file has only blank lines and comments)");
        return SimplicialComplex.FromFacets(facets);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
