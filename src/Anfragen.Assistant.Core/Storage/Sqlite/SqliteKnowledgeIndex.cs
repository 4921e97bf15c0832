using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Retrieval;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The embedded index: one SQLite file (WAL, synchronous=FULL) with documents, chunks (float32 vector BLOBs) and an
/// FTS5 table over <see cref="GermanTextAnalyzer"/> terms. Keyword search is FTS5 bm25 over the OR of the analysed
/// query terms; dense search is exact over an in-memory matrix reloaded whenever the index generation changes
/// (also when another process wrote); hybrid fuses both with <see cref="ReciprocalRankFusion"/>.
/// Every document is replaced in one transaction, so a killed process leaves either the old or the new document.
/// </summary>
public sealed class SqliteKnowledgeIndex : IKnowledgeIndex, IDisposable
{
    public const string DatabaseFileName = "anfragen.db";

    /// <summary>Archives smaller than this search every query term (see <see cref="PruneCommonTermsAsync"/>).</summary>
    public const int PruneMinimumChunks = 10_000;

    public const double PruneDocumentFraction = 0.1;

    private const string ChunkColumns = "c.rowid, c.chunk_id, c.document_id, c.ordinal, c.type, c.title, c.date, c.committee, c.visibility, c.question_number, c.text";
    private const string DocumentColumns = "d.id, d.type, d.title, d.date, d.committee, d.visibility, d.url, d.source, d.content_hash, d.chunk_count, d.ingested_at";

    private readonly string _connectionString;
    private readonly GermanTextAnalyzer _analyzer;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _matrixGate = new(1, 1);
    private volatile bool _schemaReady;
    private volatile DenseMatrix? _matrix;

    public SqliteKnowledgeIndex(string databasePath, GermanTextAnalyzer analyzer, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _time = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string DatabasePath { get; }

    public GermanTextAnalyzer Analyzer => _analyzer;

    public async Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await SetMetaAsync(connection, transaction, "embedding_model", model.ModelId, cancellationToken).ConfigureAwait(false);
            await SetMetaAsync(connection, transaction, "embedding_dimensions", model.Dimensions.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        else if (!string.Equals(stored.ModelId, model.ModelId, StringComparison.Ordinal) || stored.Dimensions != model.Dimensions)
        {
            throw Mismatch(stored, model);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM documents WHERE id = $id";
        command.Parameters.AddWithValue("$id", documentId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Chunks.Count != document.Vectors.Count)
        {
            throw new ArgumentException($"{document.Document.Id}: {document.Chunks.Count} chunks but {document.Vectors.Count} vectors.", nameof(document));
        }

        // Analysis and normalisation happen before the transaction so the write lock is held only for the writes.
        var terms = document.Chunks.Select(c => string.Join(' ', _analyzer.Analyze(c.Title + "\n" + c.Text))).ToArray();
        var blobs = document.Vectors.Select(v => SqliteValues.ToBlob(VectorMath.Normalize(v.Span))).ToArray();

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var model = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            foreach (var vector in document.Vectors)
            {
                if (model is not null && vector.Length != model.Dimensions)
                {
                    throw Mismatch(model, new EmbeddingModelInfo("?", vector.Length));
                }
            }

            await DeleteDocumentRowsAsync(connection, transaction, document.Document.Id, cancellationToken).ConfigureAwait(false);
            var doc = document.Document;
            await using (var insertDoc = connection.CreateCommand())
            {
                insertDoc.Transaction = transaction;
                insertDoc.CommandText = """
                    INSERT INTO documents (id, type, title, date, committee, visibility, url, source, content_hash, chunk_count, ingested_at)
                    VALUES ($id, $type, $title, $date, $committee, $visibility, $url, $source, $hash, $count, $at)
                    """;
                insertDoc.Parameters.AddWithValue("$id", doc.Id);
                insertDoc.Parameters.AddWithValue("$type", (int)doc.Type);
                insertDoc.Parameters.AddWithValue("$title", doc.Title);
                insertDoc.Parameters.AddWithValue("$date", SqliteValues.DbValue(doc.Date is { } d ? SqliteValues.FormatDate(d) : null));
                insertDoc.Parameters.AddWithValue("$committee", SqliteValues.DbValue(doc.Committee));
                insertDoc.Parameters.AddWithValue("$visibility", VisibilityCodes.ToCode(doc.Visibility));
                insertDoc.Parameters.AddWithValue("$url", SqliteValues.DbValue(doc.Url));
                insertDoc.Parameters.AddWithValue("$source", SqliteValues.DbValue(doc.Source));
                insertDoc.Parameters.AddWithValue("$hash", doc.ContentHash);
                insertDoc.Parameters.AddWithValue("$count", document.Chunks.Count);
                var ingestedAt = doc.IngestedAt == default ? _time.GetUtcNow() : doc.IngestedAt;
                insertDoc.Parameters.AddWithValue("$at", ingestedAt.ToString("O", CultureInfo.InvariantCulture));
                await insertDoc.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var insertChunk = connection.CreateCommand();
            insertChunk.Transaction = transaction;
            insertChunk.CommandText = """
                INSERT INTO chunks (chunk_id, document_id, ordinal, type, title, date, committee, visibility, question_number, text, vector)
                VALUES ($chunkId, $documentId, $ordinal, $type, $title, $date, $committee, $visibility, $question, $text, $vector)
                RETURNING rowid
                """;
            var pChunkId = insertChunk.Parameters.Add("$chunkId", SqliteType.Text);
            var pDocumentId = insertChunk.Parameters.Add("$documentId", SqliteType.Text);
            var pOrdinal = insertChunk.Parameters.Add("$ordinal", SqliteType.Integer);
            var pType = insertChunk.Parameters.Add("$type", SqliteType.Integer);
            var pTitle = insertChunk.Parameters.Add("$title", SqliteType.Text);
            var pDate = insertChunk.Parameters.Add("$date", SqliteType.Text);
            var pCommittee = insertChunk.Parameters.Add("$committee", SqliteType.Text);
            var pVisibility = insertChunk.Parameters.Add("$visibility", SqliteType.Integer);
            var pQuestion = insertChunk.Parameters.Add("$question", SqliteType.Integer);
            var pText = insertChunk.Parameters.Add("$text", SqliteType.Text);
            var pVector = insertChunk.Parameters.Add("$vector", SqliteType.Blob);

            await using var insertTerms = connection.CreateCommand();
            insertTerms.Transaction = transaction;
            insertTerms.CommandText = "INSERT INTO chunk_fts (rowid, terms) VALUES ($rowid, $terms)";
            var pRowId = insertTerms.Parameters.Add("$rowid", SqliteType.Integer);
            var pTerms = insertTerms.Parameters.Add("$terms", SqliteType.Text);

            for (var i = 0; i < document.Chunks.Count; i++)
            {
                var chunk = document.Chunks[i];
                pChunkId.Value = chunk.ChunkId;
                pDocumentId.Value = doc.Id;
                pOrdinal.Value = chunk.Ordinal;
                pType.Value = (int)chunk.DocumentType;
                pTitle.Value = chunk.Title;
                pDate.Value = SqliteValues.DbValue(chunk.Date is { } cd ? SqliteValues.FormatDate(cd) : null);
                pCommittee.Value = SqliteValues.DbValue(chunk.Committee);
                pVisibility.Value = VisibilityCodes.ToCode(chunk.Visibility);
                pQuestion.Value = SqliteValues.DbValue(chunk.QuestionNumber);
                pText.Value = chunk.Text;
                pVector.Value = blobs[i];
                var rowId = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                pRowId.Value = rowId;
                pTerms.Value = terms[i];
                await insertTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var count = connection.CreateCommand())
            {
                count.Transaction = transaction;
                count.CommandText = "UPDATE kb_meta SET value = CAST(value AS INTEGER) + $added WHERE key = 'chunk_count'";
                count.Parameters.AddWithValue("$added", document.Chunks.Count);
                await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await BumpGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var removed = await DeleteDocumentRowsAsync(connection, transaction, documentId, cancellationToken).ConfigureAwait(false);
            if (removed)
            {
                await BumpGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        var terms = _analyzer.Analyze(query).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        terms = await PruneCommonTermsAsync(connection, terms, cancellationToken).ConfigureAwait(false);
        var match = BuildMatchExpression(terms);

        // FTS5 ranks its matches alone first (ORDER BY rank LIMIT uses its bounded sorter, no join per match); the
        // filter then runs on that ranked candidate list. When the filter leaves fewer than top, the candidate list
        // grows until it is exhausted, so the result is exactly the best `top` chunks the filter allows.
        for (var candidates = Math.Max(top * 4, 64); ; candidates *= 4)
        {
            await using var command = connection.CreateCommand();
            var where = SqliteFilter.Build(filter, "c", "document_id", command);
            command.CommandText = $"""
                SELECT {ChunkColumns}, f.rank
                FROM (SELECT rowid, rank FROM chunk_fts WHERE chunk_fts MATCH $match ORDER BY rank LIMIT $candidates) f
                JOIN chunks c ON c.rowid = f.rowid
                WHERE {where}
                ORDER BY f.rank, c.rowid
                LIMIT $top
                """;
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$candidates", candidates);
            command.Parameters.AddWithValue("$top", top);
            var result = new List<ScoredChunk>(top);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // bm25() is lower-is-better; the contract says higher is better.
                    result.Add(new ScoredChunk(ReadChunk(reader), -reader.GetDouble(11)));
                }
            }

            if (result.Count == top)
            {
                return result;
            }

            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM (SELECT rowid FROM chunk_fts WHERE chunk_fts MATCH $match LIMIT $candidates)";
            count.Parameters.AddWithValue("$match", match);
            count.Parameters.AddWithValue("$candidates", candidates);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! < candidates)
            {
                return result;
            }
        }
    }

    public async Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (top <= 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var matrix = await GetMatrixAsync(cancellationToken).ConfigureAwait(false);
        if (matrix.Count == 0)
        {
            return [];
        }

        if (queryVector.Length != matrix.Dimensions)
        {
            var stored = await GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            throw Mismatch(stored.Model ?? new EmbeddingModelInfo("?", matrix.Dimensions), new EmbeddingModelInfo("?", queryVector.Length));
        }

        var query = VectorMath.Normalize(queryVector.Span);
        var best = matrix.Search(query, filter, top);
        var chunks = await LoadChunksAsync(best.Select(b => b.RowId).ToArray(), cancellationToken).ConfigureAwait(false);
        var result = new List<ScoredChunk>(best.Count);
        foreach (var (rowId, score) in best)
        {
            // A row can vanish between the matrix snapshot and this read (another writer); skip it rather than fail.
            if (chunks.TryGetValue(rowId, out var chunk) && filter.Allows(chunk))
            {
                result.Add(new ScoredChunk(chunk, score));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(string query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (top <= 0)
        {
            return [];
        }

        // Both sides are filtered inside their own search; fusion only reorders what each side was allowed to return.
        var pool = Math.Max(top, 50);
        var keyword = await KeywordSearchAsync(query, filter, pool, cancellationToken).ConfigureAwait(false);
        var dense = weights.Dense > 0
            ? (await DenseSearchAsync(queryVector, filter, pool, cancellationToken).ConfigureAwait(false)).Where(d => d.Score >= weights.MinDenseScore).ToList()
            : [];
        return ReciprocalRankFusion.Fuse(keyword, dense, weights, top);
    }

    public async Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Build(filter, "d", "id", command);
        command.CommandText = $"SELECT {DocumentColumns} FROM documents d WHERE d.id = $id COLLATE NOCASE AND {where}";
        command.Parameters.AddWithValue("$id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadDocument(reader) : null;
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Build(filter, "c", "document_id", command);
        command.CommandText = $"SELECT {ChunkColumns} FROM chunks c WHERE c.document_id = $id COLLATE NOCASE AND {where} ORDER BY c.ordinal";
        command.Parameters.AddWithValue("$id", documentId);
        var result = new List<Chunk>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadChunk(reader));
        }

        return result;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Build(filter, "d", "id", command);
        command.CommandText = $"SELECT {DocumentColumns} FROM documents d WHERE {where} ORDER BY d.date IS NULL, d.date DESC, d.id LIMIT $take OFFSET $skip";
        command.Parameters.AddWithValue("$take", Math.Max(0, take));
        command.Parameters.AddWithValue("$skip", Math.Max(0, skip));
        var result = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadDocument(reader));
        }

        return result;
    }

    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var documents = reader.GetInt64(0);
        var chunks = reader.GetInt64(1);
        var model = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return new IndexStatistics(documents, chunks, model);
    }

    public async IAsyncEnumerable<IndexedDocument> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var all = SearchFilter.PublicOnly with { IncludeNonPublic = true };
        const int Page = 200;
        for (var skip = 0; ; skip += Page)
        {
            var page = await ListDocumentsAsync(all, skip, Page, cancellationToken).ConfigureAwait(false);
            foreach (var document in page)
            {
                await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {ChunkColumns}, c.vector FROM chunks c WHERE c.document_id = $id ORDER BY c.ordinal";
                command.Parameters.AddWithValue("$id", document.Id);
                var chunks = new List<Chunk>();
                var vectors = new List<ReadOnlyMemory<float>>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    chunks.Add(ReadChunk(reader));
                    vectors.Add(SqliteValues.FromBlob((byte[])reader.GetValue(11)));
                }

                yield return new IndexedDocument(document, chunks, vectors);
            }

            if (page.Count < Page)
            {
                yield break;
            }
        }
    }

    /// <summary>SQLite's own consistency checks plus ours (every chunk has its document and its FTS row; counts agree).</summary>
    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // A fresh, unpooled connection: FTS5's integrity check trusts the segment structure a pooled connection cached
        // before another process wrote, and would report that stale view as corruption.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        string[] checks =
        [
            "SELECT 'integrity_check: ' || integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'",
            "SELECT 'chunk without document: ' || chunk_id FROM chunks WHERE document_id NOT IN (SELECT id FROM documents)",
            "SELECT 'chunk count differs: ' || d.id FROM documents d WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)",
            "SELECT 'chunk without terms: ' || chunk_id FROM chunks WHERE rowid NOT IN (SELECT rowid FROM chunk_fts)",
            "SELECT 'terms without chunk: ' || rowid FROM chunk_fts WHERE rowid NOT IN (SELECT rowid FROM chunks)",
            "SELECT 'chunk_count differs: ' || value FROM kb_meta WHERE key = 'chunk_count' AND CAST(value AS INTEGER) <> (SELECT count(*) FROM chunks)",
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

        await using (var fts = connection.CreateCommand())
        {
            fts.CommandText = "INSERT INTO chunk_fts (chunk_fts, rank) VALUES ('integrity-check', 1)";
            try
            {
                await fts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                problems.Add("fts integrity-check: " + ex.Message);
            }
        }

        return problems;
    }

    public void Dispose()
    {
        _schemaGate.Dispose();
        _writeGate.Dispose();
        _matrixGate.Dispose();
    }

    /// <summary>
    /// The FTS5 MATCH expression: the analysed query terms, each as a quoted string, OR-ed. Quoting (with inner quotes
    /// doubled) means no user text is ever read as FTS syntax (NEAR, column filters, *, AND/NOT).
    /// </summary>
    internal static string BuildMatchExpression(IReadOnlyList<string> terms) =>
        string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>
    /// In large archives (≥ <see cref="PruneMinimumChunks"/> chunks) query terms found in more than
    /// <see cref="PruneDocumentFraction"/> of all chunks are left out of the OR query: their IDF is small, yet FTS5
    /// would have to score most of the archive for them (the cost that dominates keyword latency at 100k chunks).
    /// The rarest two terms are always kept, so a query of common words still finds something.
    /// </summary>
    private static async Task<List<string>> PruneCommonTermsAsync(SqliteConnection connection, List<string> terms, CancellationToken cancellationToken)
    {
        if (terms.Count <= 2)
        {
            return terms;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(value AS INTEGER) FROM kb_meta WHERE key = 'chunk_count'";
        var total = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
        if (total < PruneMinimumChunks)
        {
            return terms;
        }

        var names = new List<string>();
        command.Parameters.Clear();
        for (var i = 0; i < terms.Count; i++)
        {
            names.Add("$t" + i.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue(names[^1], terms[i]);
        }

        command.CommandText = $"SELECT term, doc FROM chunk_fts_vocab WHERE term IN ({string.Join(", ", names)})";
        var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                frequency[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // Terms FTS5 stores differently (e.g. "1.5" as two tokens) have no row here and are kept.
        var limit = (long)(total * PruneDocumentFraction);
        var rarest = terms.OrderBy(t => frequency.GetValueOrDefault(t)).Take(2).ToHashSet(StringComparer.Ordinal);
        return terms.Where(t => rarest.Contains(t) || frequency.GetValueOrDefault(t) <= limit).ToList();
    }

    private static IndexMismatchException Mismatch(EmbeddingModelInfo stored, EmbeddingModelInfo configured) => new(
        $"Der Index wurde mit dem Einbettungsmodell '{stored.ModelId}' ({stored.Dimensions} Dimensionen) aufgebaut, konfiguriert ist aber "
        + $"'{configured.ModelId}' ({configured.Dimensions} Dimensionen). Stellen Sie das ursprüngliche Modell wieder ein oder indexieren Sie "
        + "in ein neues Datenverzeichnis neu. / The index was built with embedding model "
        + $"'{stored.ModelId}' ({stored.Dimensions} dimensions) but '{configured.ModelId}' ({configured.Dimensions} dimensions) is configured.");

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS kb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS documents (
                    id TEXT PRIMARY KEY COLLATE NOCASE,
                    type INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    date TEXT,
                    committee TEXT,
                    visibility INTEGER NOT NULL,
                    url TEXT,
                    source TEXT,
                    content_hash TEXT NOT NULL,
                    chunk_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS chunks (
                    rowid INTEGER PRIMARY KEY,
                    chunk_id TEXT NOT NULL UNIQUE,
                    document_id TEXT NOT NULL COLLATE NOCASE REFERENCES documents(id),
                    ordinal INTEGER NOT NULL,
                    type INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    date TEXT,
                    committee TEXT,
                    visibility INTEGER NOT NULL,
                    question_number INTEGER,
                    text TEXT NOT NULL,
                    vector BLOB NOT NULL);
                CREATE INDEX IF NOT EXISTS chunks_document ON chunks (document_id, ordinal);
                CREATE INDEX IF NOT EXISTS documents_date ON documents (date);
                CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 0');
                CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fts_vocab USING fts5vocab (chunk_fts, 'row');
                INSERT OR IGNORE INTO kb_meta (key, value) VALUES ('generation', '0');
                INSERT OR IGNORE INTO kb_meta (key, value) SELECT 'chunk_count', count(*) FROM chunks;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task<EmbeddingModelInfo?> ReadModelAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT value FROM kb_meta WHERE key = 'embedding_model'), (SELECT value FROM kb_meta WHERE key = 'embedding_dimensions')";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.IsDBNull(0) || reader.IsDBNull(1)
            ? null
            : new EmbeddingModelInfo(reader.GetString(0), int.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    private static async Task SetMetaAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO kb_meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task BumpGenerationAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE kb_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _matrix = null;
    }

    private static async Task<bool> DeleteDocumentRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string documentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE kb_meta SET value = CAST(value AS INTEGER) - (SELECT count(*) FROM chunks WHERE document_id = $id) WHERE key = 'chunk_count';
            DELETE FROM chunk_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id);
            DELETE FROM chunks WHERE document_id = $id;
            DELETE FROM documents WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", documentId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var changes = connection.CreateCommand();
        changes.Transaction = transaction;
        changes.CommandText = "SELECT changes()";
        return (long)(await changes.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    private async Task<DenseMatrix> GetMatrixAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var generation = await ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var current = _matrix;
        if (current is not null && current.Generation == generation)
        {
            return current;
        }

        await _matrixGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _matrix;
            if (current is not null && current.Generation == generation)
            {
                return current;
            }

            current = await LoadMatrixAsync(connection, cancellationToken).ConfigureAwait(false);
            _matrix = current;
            return current;
        }
        finally
        {
            _matrixGate.Release();
        }
    }

    private static async Task<long> ReadGenerationAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT CAST(value AS INTEGER) FROM kb_meta WHERE key = 'generation'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
    }

    private static async Task<DenseMatrix> LoadMatrixAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // One read transaction: the generation and the rows come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var generation = await ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT count(*), coalesce(max(length(vector)), 0) FROM chunks";
        int rows, dimensions;
        await using (var r = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            rows = checked((int)r.GetInt64(0));
            dimensions = checked((int)r.GetInt64(1)) / sizeof(float);
        }

        var vectors = new float[(long)rows * dimensions];
        var rowIds = new long[rows];
        var documentOfRow = new int[rows];
        var templates = new List<Chunk>();
        var documentIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT rowid, document_id, type, date, committee, visibility, vector FROM chunks ORDER BY document_id, ordinal";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = 0;
        var buffer = new byte[dimensions * sizeof(float)];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && row < rows)
        {
            rowIds[row] = reader.GetInt64(0);
            var documentId = reader.GetString(1);
            if (!documentIndex.TryGetValue(documentId, out var d))
            {
                d = templates.Count;
                documentIndex[documentId] = d;
                templates.Add(DenseMatrix.Template(documentId, (DocumentType)reader.GetInt32(2), SqliteValues.ParseDate(reader.GetValue(3)), reader.IsDBNull(4) ? null : reader.GetString(4), VisibilityCodes.FromCode(reader.GetInt64(5))));
            }

            documentOfRow[row] = d;
            var read = reader.GetBytes(6, 0, buffer, 0, buffer.Length);
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, (int)read)).CopyTo(vectors.AsSpan(row * dimensions, dimensions));
            row++;
        }

        return new DenseMatrix(generation, dimensions, vectors, rowIds, documentOfRow, [.. templates]);
    }

    private async Task<Dictionary<long, Chunk>> LoadChunksAsync(long[] rowIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, Chunk>(rowIds.Length);
        if (rowIds.Length == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = new StringBuilder();
        for (var i = 0; i < rowIds.Length; i++)
        {
            names.Append(i == 0 ? string.Empty : ", ").Append("$r").Append(i);
            command.Parameters.AddWithValue("$r" + i.ToString(CultureInfo.InvariantCulture), rowIds[i]);
        }

        command.CommandText = $"SELECT {ChunkColumns} FROM chunks c WHERE c.rowid IN ({names})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetInt64(0)] = ReadChunk(reader);
        }

        return result;
    }

    private static Chunk ReadChunk(SqliteDataReader reader) => new()
    {
        ChunkId = reader.GetString(1),
        DocumentId = reader.GetString(2),
        Ordinal = reader.GetInt32(3),
        DocumentType = (DocumentType)reader.GetInt32(4),
        Title = reader.GetString(5),
        Date = SqliteValues.ParseDate(reader.GetValue(6)),
        Committee = reader.IsDBNull(7) ? null : reader.GetString(7),
        Visibility = VisibilityCodes.FromCode(reader.GetInt64(8)),
        QuestionNumber = reader.IsDBNull(9) ? null : reader.GetInt32(9),
        Text = reader.GetString(10),
    };

    private static StoredDocument ReadDocument(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Type = (DocumentType)reader.GetInt32(1),
        Title = reader.GetString(2),
        Date = SqliteValues.ParseDate(reader.GetValue(3)),
        Committee = reader.IsDBNull(4) ? null : reader.GetString(4),
        Visibility = VisibilityCodes.FromCode(reader.GetInt64(5)),
        Url = reader.IsDBNull(6) ? null : reader.GetString(6),
        Source = reader.IsDBNull(7) ? null : reader.GetString(7),
        ContentHash = reader.GetString(8),
        ChunkCount = reader.GetInt32(9),
        IngestedAt = DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
    };
}
