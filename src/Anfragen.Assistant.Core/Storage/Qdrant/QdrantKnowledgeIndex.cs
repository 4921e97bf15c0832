using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The production index on Qdrant (gRPC, Qdrant.Client), with every role of <see cref="IKnowledgeIndex"/>: one
/// collection per archive with a named dense vector (<c>dense</c>, cosine), a sparse vector (<c>bm25</c>, IDF modifier,
/// terms from our German analyzer) and payload indexes on document key, type, visibility (tenant key), date and
/// version. Documents and the one write path: <see cref="QdrantDocumentStore"/> (versioned, atomic for readers);
/// searches: <see cref="QdrantSearch"/> (hybrid fused on the server). Behaves as the embedded index does: ids fold case,
/// committee names fold by <see cref="SearchFilter.Fold"/>, the same contract suite.
/// </summary>
public sealed class QdrantKnowledgeIndex : IKnowledgeIndex, IDisposable
{
    private readonly QdrantCollection _collection;
    private readonly QdrantDocumentStore _store;
    private readonly QdrantSearch _search;

    public QdrantKnowledgeIndex(IOptions<QdrantOptions> options, GermanTextAnalyzer analyzer, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analyzer);
        _collection = new QdrantCollection(options.Value, loggerFactory);
        _store = new QdrantDocumentStore(_collection, new SparseVectorBuilder(analyzer));
        _search = new QdrantSearch(_collection, analyzer);
    }

    /// <summary>The collection this index reads and writes.</summary>
    public string CollectionName => _collection.Name;

    public GermanTextAnalyzer Analyzer => _search.Analyzer;

    public Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default) => _store.InitializeAsync(model, cancellationToken);

    public Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default) => _store.GetContentHashAsync(documentId, cancellationToken);

    public Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default) => _store.UpsertAsync(document, cancellationToken);

    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) => _store.DeleteAsync(documentId, cancellationToken);

    public Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default) => _store.GetDocumentAsync(documentId, filter, cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default) => _store.GetChunksAsync(documentId, filter, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default) => _store.ListDocumentsAsync(filter, skip, take, cancellationToken);

    public Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => _store.GetStatisticsAsync(cancellationToken);

    public IAsyncEnumerable<IndexedDocument> ExportAsync(CancellationToken cancellationToken = default) => _store.ExportAsync(cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(KeywordQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) => _search.KeywordSearchAsync(query, filter, top, cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => _search.DenseSearchAsync(queryVector, filter, top, cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(KeywordQuery query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default) => _search.HybridSearchAsync(query, queryVector, filter, top, weights, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> CountChunksWithTermsAsync(IReadOnlyCollection<string> terms, SearchFilter filter, int cap, CancellationToken cancellationToken = default) => _search.CountChunksWithTermsAsync(terms, filter, cap, cancellationToken);

    public Task<long> CountChunksAsync(CancellationToken cancellationToken = default) => _search.CountChunksAsync(cancellationToken);

    /// <summary>Drops the whole collection (tests and re-indexing); returns false when it did not exist.</summary>
    public Task<bool> DeleteCollectionAsync(CancellationToken cancellationToken = default) => _collection.DeleteCollectionAsync(cancellationToken);

    public void Dispose() => _collection.Dispose();
}
