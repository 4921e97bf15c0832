using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The embedded index, with every role of <see cref="IKnowledgeIndex"/>: one SQLite file (WAL, synchronous=FULL) with
/// documents, chunks and their float32 vectors (<see cref="SqliteDocumentStore"/>, the source of truth), a Lucene.Net
/// BM25 keyword index beside it (<see cref="LuceneKeywordIndex"/>, <c>anfragen.lucene/</c>), an int8 vector matrix in
/// memory with exact rescoring (<see cref="SqliteVectorIndex"/>), hybrid search fused on the client
/// (<see cref="FusedHybridSearch"/>). Every document is replaced in one SQLite transaction; the keyword index and the
/// matrix follow it inside a publish window and catch up from <c>keyword_log</c> after a crash or another process's write.
/// </summary>
public sealed class SqliteKnowledgeIndex : IKnowledgeIndex, IDisposable
{
    public const string DatabaseFileName = "anfragen.db";

    /// <summary>The keyword index directory beside the database file.</summary>
    public const string KeywordDirectoryName = "anfragen.lucene";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriteCoordinator _coordinator = new();
    private readonly LuceneKeywordIndex _keyword;
    private readonly SqliteVectorIndex _vectors;
    private readonly SqliteDocumentStore _store;
    private readonly FusedHybridSearch _hybrid;

    public SqliteKnowledgeIndex(string databasePath, GermanTextAnalyzer analyzer, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _database = new SqliteDatabase(databasePath);
        _keyword = new LuceneKeywordIndex(Path.Combine(Path.GetDirectoryName(_database.DatabasePath)!, KeywordDirectoryName), _database, _coordinator, analyzer);
        _vectors = new SqliteVectorIndex(_database, _coordinator);
        _store = new SqliteDocumentStore(_database, _coordinator, _keyword, _vectors, timeProvider ?? TimeProvider.System);
        _hybrid = new FusedHybridSearch(_keyword, _vectors);
    }

    public string DatabasePath => _database.DatabasePath;

    public string KeywordIndexPath => _keyword.DirectoryPath;

    public GermanTextAnalyzer Analyzer => _keyword.Analyzer;

    public Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default) => _store.InitializeAsync(model, cancellationToken);

    public Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default) => _store.GetContentHashAsync(documentId, cancellationToken);

    public Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default) => _store.UpsertAsync(document, cancellationToken);

    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) => _store.DeleteAsync(documentId, cancellationToken);

    public Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default) => _store.GetDocumentAsync(documentId, filter, cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default) => _store.GetChunksAsync(documentId, filter, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default) => _store.ListDocumentsAsync(filter, skip, take, cancellationToken);

    public Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => _store.GetStatisticsAsync(cancellationToken);

    public IAsyncEnumerable<IndexedDocument> ExportAsync(CancellationToken cancellationToken = default) => _store.ExportAsync(cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(KeywordQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) => _keyword.KeywordSearchAsync(query, filter, top, cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => _vectors.DenseSearchAsync(queryVector, filter, top, cancellationToken);

    // Both legs inside one consistent read: a replace between the keyword and the dense leg would mix two versions.
    public Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(KeywordQuery query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default) =>
        _coordinator.ReadConsistentAsync(ct => _hybrid.HybridSearchAsync(query, queryVector, filter, top, weights, ct), cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> CountChunksWithTermsAsync(IReadOnlyCollection<string> terms, SearchFilter filter, int cap, CancellationToken cancellationToken = default) => _keyword.CountChunksWithTermsAsync(terms, filter, cap, cancellationToken);

    public Task<long> CountChunksAsync(CancellationToken cancellationToken = default) => _keyword.CountChunksAsync(cancellationToken);

    /// <summary>SQLite's own consistency checks plus ours: every chunk has its document, counts agree, the keyword index holds exactly the chunks.</summary>
    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenUnpooledAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        string[] checks =
        [
            "SELECT 'integrity_check: ' || integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'",
            "SELECT 'chunk without document: ' || chunk_id FROM chunks WHERE document_id NOT IN (SELECT id FROM documents)",
            "SELECT 'chunk count differs: ' || d.id FROM documents d WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)",
            "SELECT 'chunk_count differs: ' || value FROM kb_meta WHERE key = 'chunk_count' AND CAST(value AS INTEGER) <> (SELECT count(*) FROM chunks)",
            "SELECT 'document_count differs: ' || value FROM kb_meta WHERE key = 'document_count' AND CAST(value AS INTEGER) <> (SELECT count(*) FROM documents)",
        ];
        foreach (var sql in checks)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                problems.Add(reader.GetString(0));
            }
        }

        problems.AddRange(await _keyword.CheckAsync(connection, cancellationToken).ConfigureAwait(false));
        return problems;
    }

    public void Dispose()
    {
        _keyword.Dispose();
        _coordinator.Dispose();
        _database.Dispose();
    }
}
