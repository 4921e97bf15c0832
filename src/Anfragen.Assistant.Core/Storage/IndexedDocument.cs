namespace Anfragen.Assistant.Storage;

/// <summary>Everything written for one document in one atomic replace: the document row, its chunks and one vector per chunk.</summary>
public sealed record IndexedDocument(StoredDocument Document, IReadOnlyList<Chunk> Chunks, IReadOnlyList<ReadOnlyMemory<float>> Vectors);
