using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// The archive's search index: documents, chunks, one L2-normalised vector per chunk, and German keyword terms.
/// Invariants every implementation keeps (checked by the shared contract test suite):
/// <list type="bullet">
/// <item>a document is replaced atomically: readers see all of its old chunks or all of its new ones;</item>
/// <item>every search applies the <see cref="SearchFilter"/> inside the search, before top-k;</item>
/// <item>vectors are normalised at write time and searched by dot product (cosine);</item>
/// <item>the index remembers the embedding model it was built with and refuses another (<see cref="IndexMismatchException"/>).</item>
/// </list>
/// </summary>
public interface IKnowledgeIndex
{
    /// <summary>Creates the schema/collection if needed and checks the embedding model matches the stored one.</summary>
    Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default);

    /// <summary>The content hash stored for a document, or null when absent (used to skip unchanged documents).</summary>
    Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document and all its chunks in one atomic step.</summary>
    Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and its chunks; returns false when it was not there.</summary>
    Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keyword and dense search fused by (weighted) reciprocal rank fusion, the filter applied inside both searches.
    /// SQLite fuses on the client (Retrieval/ReciprocalRankFusion); Qdrant fuses on the server with the Query API.
    /// </summary>
    Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(string query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default);

    /// <summary>A document by its exact id (Drucksache number), or null when absent or not allowed by the filter.</summary>
    Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The chunks of one document in order, empty when absent or not allowed by the filter.</summary>
    Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Document metadata, newest first, filtered; for archive listings.</summary>
    Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default);

    Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every document with its chunks and stored vectors (for migration to another index without re-embedding).</summary>
    IAsyncEnumerable<IndexedDocument> ExportAsync(CancellationToken cancellationToken = default);
}
