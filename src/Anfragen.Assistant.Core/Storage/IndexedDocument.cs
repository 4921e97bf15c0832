namespace Anfragen.Assistant.Storage;

/// <summary>Everything written for one document in one atomic replace: the document row, its chunks and one vector per chunk.</summary>
public sealed record IndexedDocument(StoredDocument Document, IReadOnlyList<Chunk> Chunks, IReadOnlyList<ReadOnlyMemory<float>> Vectors)
{
    /// <summary>
    /// Document-side expansion: for each chunk (same order as <see cref="Chunks"/>), analysed terms indexed in the chunk's
    /// <see cref="KeywordField.Expansion"/> field (e.g. thesaurus synonyms of its words), which queries match at the weight
    /// they give that field. Null, or an empty list for a chunk, means none. Stored with the chunk and exported with it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? Expansions { get; init; }

    /// <summary>The expansion terms of chunk <paramref name="index"/>, empty when it has none.</summary>
    public IReadOnlyList<string> ExpansionOf(int index) =>
        Expansions is { } all && index < all.Count && all[index] is { } terms ? terms : [];
}
