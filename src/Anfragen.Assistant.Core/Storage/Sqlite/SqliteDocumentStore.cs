using System.Globalization;
using System.Runtime.CompilerServices;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Retrieval;
using Microsoft.Data.Sqlite;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The document store of the embedded index and its one write path: a replace runs in one SQLite transaction
/// (document row, chunk rows with their float32 vectors, the <c>keyword_log</c> entry, counts), so a killed process
/// leaves either the old or the new document; right after the commit, inside a publish window, the keyword index and
/// the vector matrix take the same change, so searches never see half of it.
/// </summary>
internal sealed class SqliteDocumentStore(SqliteDatabase database, SqliteWriteCoordinator coordinator, LuceneKeywordIndex keyword, SqliteVectorIndex vectors, TimeProvider time) : IDocumentStore
{
    public async Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await SqliteDatabase.ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await SqliteDatabase.SetMetaAsync(connection, transaction, "embedding_model", model.ModelId, cancellationToken).ConfigureAwait(false);
            await SqliteDatabase.SetMetaAsync(connection, transaction, "embedding_dimensions", model.Dimensions.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        else if (!string.Equals(stored.ModelId, model.ModelId, StringComparison.Ordinal) || stored.Dimensions != model.Dimensions)
        {
            throw Mismatch(stored, model);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
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

        // Analysis and normalisation happen before the write gate so it is held only for the writes.
        var doc = document.Document;
        var terms = document.Chunks.Select(keyword.KeywordTerms).ToArray();
        var expansions = document.Chunks.Select((_, i) => document.ExpansionOf(i) is { Count: > 0 } e ? string.Join(' ', e) : null).ToArray();
        var normalized = document.Vectors.Select(v => VectorMath.Normalize(v.Span)).ToArray();
        await keyword.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);

        await coordinator.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var model = await SqliteDatabase.ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            foreach (var vector in normalized)
            {
                if (model is not null && vector.Length != model.Dimensions)
                {
                    throw Mismatch(model, new EmbeddingModelInfo("?", vector.Length));
                }
            }

            var before = await SqliteDatabase.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var (existed, removedChunks) = await DeleteRowsAsync(connection, transaction, doc.Id, cancellationToken).ConfigureAwait(false);
            await InsertDocumentAsync(connection, transaction, doc, document.Chunks.Count, cancellationToken).ConfigureAwait(false);
            var rowIds = await InsertChunksAsync(connection, transaction, document, expansions, normalized, cancellationToken).ConfigureAwait(false);
            var key = SearchFilter.FoldId(doc.Id);
            var after = await SqliteDatabase.LogChangeAsync(connection, transaction, key, existed ? 0 : 1, document.Chunks.Count - removedChunks, cancellationToken).ConfigureAwait(false);
            await PruneLogAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

            var luceneDocuments = new List<LuceneDocument>(rowIds.Length);
            var rows = new List<(long, float[])>(rowIds.Length);
            for (var i = 0; i < rowIds.Length; i++)
            {
                luceneDocuments.Add(LuceneChunkFields.ToDocument(rowIds[i], document.Chunks[i] with { DocumentId = doc.Id }, terms[i], expansions[i]));
                rows.Add((rowIds[i], normalized[i]));
            }

            // The matrix filters by the chunk rows' metadata, as it does when it loads them from SQLite.
            var first = document.Chunks.Count > 0 ? document.Chunks[0] : null;
            var metadata = first is null ? null : QuantizedVectors.Template(doc.Id, first.DocumentType, first.Date, first.Committee, first.Visibility);
            await PublishAsync(before, after, key, luceneDocuments, metadata, rows, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            coordinator.Gate.Release();
        }
    }

    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await keyword.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        await coordinator.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var before = await SqliteDatabase.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var (existed, removedChunks) = await DeleteRowsAsync(connection, transaction, documentId, cancellationToken).ConfigureAwait(false);
            if (!existed)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            var key = SearchFilter.FoldId(documentId);
            var after = await SqliteDatabase.LogChangeAsync(connection, transaction, key, -1, -removedChunks, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await PublishAsync(before, after, key, [], null, [], cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            coordinator.Gate.Release();
        }
    }

    public async Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Build(filter, "d", "id", command);
        command.CommandText = $"SELECT {SqliteRows.DocumentColumns} FROM documents d WHERE d.id = $id AND {where}";
        command.Parameters.AddWithValue("$id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? SqliteRows.ReadDocument(reader) : null;
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Build(filter, "c", "document_id", command);
        command.CommandText = $"SELECT {SqliteRows.ChunkColumns} FROM chunks c WHERE c.document_id = $id AND {where} ORDER BY c.ordinal";
        command.Parameters.AddWithValue("$id", documentId);
        var result = new List<Chunk>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(SqliteRows.ReadChunk(reader));
        }

        return result;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Build(filter, "d", "id", command);
        command.CommandText = $"SELECT {SqliteRows.DocumentColumns} FROM documents d WHERE {where} ORDER BY d.date IS NULL, d.date DESC, d.id LIMIT $take OFFSET $skip";
        command.Parameters.AddWithValue("$take", Math.Max(0, take));
        command.Parameters.AddWithValue("$skip", Math.Max(0, skip));
        var result = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(SqliteRows.ReadDocument(reader));
        }

        return result;
    }

    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        // The counts kb_meta keeps in every write transaction: no count(*) over a million rows per call.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var documents = await SqliteDatabase.ReadCounterAsync(connection, transaction, "document_count", cancellationToken).ConfigureAwait(false);
        var chunks = await SqliteDatabase.ReadCounterAsync(connection, transaction, "chunk_count", cancellationToken).ConfigureAwait(false);
        var model = await SqliteDatabase.ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return new IndexStatistics(documents, chunks, model);
    }

    public async IAsyncEnumerable<IndexedDocument> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = SearchFilter.PublicOnly with { IncludeNonPublic = true };
        const int Page = 200;
        for (var skip = 0; ; skip += Page)
        {
            var page = await ListDocumentsAsync(all, skip, Page, cancellationToken).ConfigureAwait(false);
            foreach (var document in page)
            {
                await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {SqliteRows.ChunkColumns}, c.vector, c.expansion FROM chunks c WHERE c.document_id = $id ORDER BY c.ordinal";
                command.Parameters.AddWithValue("$id", document.Id);
                var chunks = new List<Chunk>();
                var vectors = new List<ReadOnlyMemory<float>>();
                var expansions = new List<IReadOnlyList<string>>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    chunks.Add(SqliteRows.ReadChunk(reader));
                    vectors.Add(SqliteValues.FromBlob((byte[])reader.GetValue(SqliteRows.AfterChunkColumns)));
                    expansions.Add(reader.IsDBNull(SqliteRows.AfterChunkColumns + 1) ? [] : reader.GetString(SqliteRows.AfterChunkColumns + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }

                yield return new IndexedDocument(document, chunks, vectors) { Expansions = expansions.Any(e => e.Count > 0) ? expansions : null };
            }

            if (page.Count < Page)
            {
                yield break;
            }
        }
    }

    internal static IndexMismatchException Mismatch(EmbeddingModelInfo stored, EmbeddingModelInfo configured) => new(
        $"Der Index wurde mit dem Einbettungsmodell '{stored.ModelId}' ({stored.Dimensions} Dimensionen) aufgebaut, konfiguriert ist aber "
        + $"'{configured.ModelId}' ({configured.Dimensions} Dimensionen). Stellen Sie das ursprüngliche Modell wieder ein oder indexieren Sie "
        + "in ein neues Datenverzeichnis neu. / The index was built with embedding model "
        + $"'{stored.ModelId}' ({stored.Dimensions} dimensions) but '{configured.ModelId}' ({configured.Dimensions} dimensions) is configured.");

    private async Task PublishAsync(long before, long after, string key, IReadOnlyList<LuceneDocument> luceneDocuments, Chunk? metadata, IReadOnlyList<(long, float[])> rows, CancellationToken cancellationToken)
    {
        // The SQLite commit is done: the derived structures must not be left half-updated by a cancellation now
        // (if one of them fails, it lags SQLite and catches up from keyword_log on its next use).
        coordinator.BeginPublish();
        try
        {
            await keyword.ApplyOwnAsync(before, after, key, luceneDocuments, CancellationToken.None).ConfigureAwait(false);
            await vectors.ApplyOwnAsync(before, after, key, metadata, rows, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            coordinator.EndPublish();
        }
    }

    private async Task PruneLogAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var committed = keyword.CommittedGeneration;
        if (committed > LuceneKeywordIndex.LogRetention)
        {
            await SqliteDatabase.PruneLogAsync(connection, transaction, committed - LuceneKeywordIndex.LogRetention, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task InsertDocumentAsync(SqliteConnection connection, SqliteTransaction transaction, StoredDocument doc, int chunkCount, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO documents (id, type, title, date, committee, visibility, url, source, content_hash, chunk_count, ingested_at)
            VALUES ($id, $type, $title, $date, $committee, $visibility, $url, $source, $hash, $count, $at)
            """;
        insert.Parameters.AddWithValue("$id", doc.Id);
        insert.Parameters.AddWithValue("$type", (int)doc.Type);
        insert.Parameters.AddWithValue("$title", doc.Title);
        insert.Parameters.AddWithValue("$date", SqliteValues.DbValue(doc.Date is { } d ? SqliteValues.FormatDate(d) : null));
        insert.Parameters.AddWithValue("$committee", SqliteValues.DbValue(doc.Committee));
        insert.Parameters.AddWithValue("$visibility", VisibilityCodes.ToCode(doc.Visibility));
        insert.Parameters.AddWithValue("$url", SqliteValues.DbValue(doc.Url));
        insert.Parameters.AddWithValue("$source", SqliteValues.DbValue(doc.Source));
        insert.Parameters.AddWithValue("$hash", doc.ContentHash);
        insert.Parameters.AddWithValue("$count", chunkCount);
        var ingestedAt = doc.IngestedAt == default ? time.GetUtcNow() : doc.IngestedAt;
        insert.Parameters.AddWithValue("$at", ingestedAt.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long[]> InsertChunksAsync(SqliteConnection connection, SqliteTransaction transaction, IndexedDocument document, string?[] expansions, float[][] vectors, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO chunks (chunk_id, document_id, ordinal, type, title, date, committee, visibility, question_number, text, vector, expansion)
            VALUES ($chunkId, $documentId, $ordinal, $type, $title, $date, $committee, $visibility, $question, $text, $vector, $expansion)
            RETURNING rowid
            """;
        var pChunkId = insert.Parameters.Add("$chunkId", SqliteType.Text);
        var pDocumentId = insert.Parameters.Add("$documentId", SqliteType.Text);
        var pOrdinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        var pType = insert.Parameters.Add("$type", SqliteType.Integer);
        var pTitle = insert.Parameters.Add("$title", SqliteType.Text);
        var pDate = insert.Parameters.Add("$date", SqliteType.Text);
        var pCommittee = insert.Parameters.Add("$committee", SqliteType.Text);
        var pVisibility = insert.Parameters.Add("$visibility", SqliteType.Integer);
        var pQuestion = insert.Parameters.Add("$question", SqliteType.Integer);
        var pText = insert.Parameters.Add("$text", SqliteType.Text);
        var pVector = insert.Parameters.Add("$vector", SqliteType.Blob);
        var pExpansion = insert.Parameters.Add("$expansion", SqliteType.Text);
        var rowIds = new long[document.Chunks.Count];
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            var chunk = document.Chunks[i];
            pChunkId.Value = chunk.ChunkId;
            pDocumentId.Value = document.Document.Id;
            pOrdinal.Value = chunk.Ordinal;
            pType.Value = (int)chunk.DocumentType;
            pTitle.Value = chunk.Title;
            pDate.Value = SqliteValues.DbValue(chunk.Date is { } cd ? SqliteValues.FormatDate(cd) : null);
            pCommittee.Value = SqliteValues.DbValue(chunk.Committee);
            pVisibility.Value = VisibilityCodes.ToCode(chunk.Visibility);
            pQuestion.Value = SqliteValues.DbValue(chunk.QuestionNumber);
            pText.Value = chunk.Text;
            pVector.Value = SqliteValues.ToBlob(vectors[i]);
            pExpansion.Value = SqliteValues.DbValue(expansions[i]);
            rowIds[i] = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return rowIds;
    }

    /// <summary>Deletes a document's rows; returns whether it existed and how many chunks it had.</summary>
    private static async Task<(bool Existed, long Chunks)> DeleteRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string documentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM chunks WHERE document_id = $id";
        command.Parameters.AddWithValue("$id", documentId);
        var chunks = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "DELETE FROM documents WHERE id = $id";
        var documents = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (documents > 0, chunks);
    }
}
