using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// The document store and metadata role, and the one write path of the index: a document with its chunks, vectors and
/// keyword terms is replaced through <see cref="UpsertAsync"/>, which updates every role of the same index.
/// Invariants every implementation keeps (checked by the shared contract test suite):
/// <list type="bullet">
/// <item>document ids compare case-insensitively ("ds-1" and "DS-1" are one document; the latest write names it);</item>
/// <item>a document is replaced atomically: readers of any role see all of its old chunks or all of its new ones;
/// Qdrant, which has no multi-point transactions, keeps this by versioned chunk points that become visible with the
/// document point (see <c>QdrantDocumentStore</c>); during a replace a search may return fewer than top chunks;</item>
/// <item>every read applies the <see cref="SearchFilter"/> (committee names compared by <see cref="SearchFilter.Fold"/>);</item>
/// <item>the index remembers the embedding model it was built with and refuses another (<see cref="IndexMismatchException"/>).</item>
/// </list>
/// </summary>
public interface IDocumentStore
{
    /// <summary>Creates the schema/collection if needed and checks the embedding model matches the stored one.</summary>
    Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default);

    /// <summary>The content hash stored for a document, or null when absent (used to skip unchanged documents).</summary>
    Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document and all its chunks in one atomic step.</summary>
    Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and its chunks; returns false when it was not there.</summary>
    Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>A document by its id (Drucksache number, any case), or null when absent or not allowed by the filter.</summary>
    Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The chunks of one document in order, empty when absent or not allowed by the filter.</summary>
    Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Document metadata, newest first (undated last, then id), filtered; for archive listings.</summary>
    Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default);

    Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every document with its chunks, stored vectors and expansions (for migration without re-embedding).</summary>
    IAsyncEnumerable<IndexedDocument> ExportAsync(CancellationToken cancellationToken = default);
}
