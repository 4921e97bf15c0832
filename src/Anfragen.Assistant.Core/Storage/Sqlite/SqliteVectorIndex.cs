using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Retrieval;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The dense role of the embedded index: an int8 matrix of every chunk vector in memory (<see cref="QuantizedVectors"/>),
/// searched exhaustively; the best candidates are rescored with their exact float32 vectors from SQLite, so the
/// returned scores are exact cosines and the order is exact among the candidates. The matrix is loaded once, then
/// kept current incrementally: by this process's writes directly, by other processes' writes through <c>keyword_log</c>.
/// </summary>
internal sealed class SqliteVectorIndex(SqliteDatabase database, SqliteWriteCoordinator coordinator) : IVectorIndex
{
    // Rows rescored exactly per returned row; with int8 codes the true top-k is among them (docs/knowledge-base.md).
    private const int CandidateFactor = 2;
    private const int MinExtraCandidates = 50;

    private volatile QuantizedVectors? _matrix;

    public async Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (top <= 0)
        {
            return [];
        }

        return await coordinator.ReadConsistentAsync(ct => SearchOnceAsync(queryVector, filter, top, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies this process's own replace (called inside the publish window with the gate held).</summary>
    public async Task ApplyOwnAsync(long generationBefore, long generationAfter, string documentId, Chunk? metadata, IReadOnlyList<(long RowId, float[] Vector)> rows, CancellationToken cancellationToken)
    {
        var matrix = _matrix;
        if (matrix is null)
        {
            return;
        }

        if (matrix.Generation != generationBefore)
        {
            // Another process wrote since the matrix was current: replay the log (this write included).
            await CatchUpLockedAsync(matrix, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (metadata is null || rows.Count == 0)
        {
            matrix.Remove(documentId);
        }
        else
        {
            matrix.Replace(documentId, metadata, rows);
        }

        matrix.Generation = generationAfter;
        CompactIfWorthIt(matrix);
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchOnceAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken)
    {
        var matrix = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (matrix.LiveRows == 0)
        {
            return [];
        }

        if (queryVector.Length != matrix.Dimensions)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var stored = await SqliteDatabase.ReadModelAsync(connection, null, cancellationToken).ConfigureAwait(false);
            throw SqliteDocumentStore.Mismatch(stored ?? new EmbeddingModelInfo("?", matrix.Dimensions), new EmbeddingModelInfo("?", queryVector.Length));
        }

        var query = VectorMath.Normalize(queryVector.Span);
        var candidates = matrix.Search(query, filter, Math.Max(top * CandidateFactor, top + MinExtraCandidates));
        Dictionary<long, (Chunk Chunk, float[]? Vector)> rows;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            rows = await SqliteRows.LoadAsync(connection, null, [.. candidates.Select(c => c.RowId)], withVectors: true, cancellationToken).ConfigureAwait(false);
        }

        var rescored = new List<ScoredChunk>(candidates.Count);
        foreach (var (rowId, _) in candidates)
        {
            // A row can vanish between the matrix and this read (another process wrote); it is skipped, not failed.
            if (rows.TryGetValue(rowId, out var row) && filter.Allows(row.Chunk))
            {
                rescored.Add(new ScoredChunk(row.Chunk, System.Numerics.Tensors.TensorPrimitives.Dot(query, row.Vector)));
            }
        }

        return [.. rescored.OrderByDescending(c => c.Score).ThenBy(c => c.Chunk.ChunkId, StringComparer.Ordinal).Take(top)];
    }

    /// <summary>The matrix at the current SQLite generation: loaded on first use, caught up after other processes' writes.</summary>
    private async Task<QuantizedVectors> CurrentAsync(CancellationToken cancellationToken)
    {
        long generation;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            generation = await SqliteDatabase.ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }

        var matrix = _matrix;
        if (matrix is not null && matrix.Generation >= generation)
        {
            return matrix;
        }

        await coordinator.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            matrix = _matrix;
            if (matrix is null)
            {
                matrix = await LoadAsync(cancellationToken).ConfigureAwait(false);
                _matrix = matrix;
            }
            else if (matrix.Generation < generation)
            {
                await CatchUpLockedAsync(matrix, cancellationToken).ConfigureAwait(false);
            }

            return _matrix!;
        }
        finally
        {
            coordinator.Gate.Release();
        }
    }

    /// <summary>Replays the documents changed since the matrix's generation; reloads when the log no longer reaches back that far.</summary>
    private async Task CatchUpLockedAsync(QuantizedVectors matrix, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var generation = await SqliteDatabase.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var (keys, oldest) = await SqliteDatabase.ChangesAfterAsync(connection, transaction, matrix.Generation, cancellationToken).ConfigureAwait(false);
        if (generation > matrix.Generation && (oldest == 0 || oldest > matrix.Generation + 1))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _matrix = await LoadAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var key in keys)
        {
            var (metadata, rows) = await ReadDocumentRowsAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
            if (metadata is null)
            {
                matrix.Remove(key);
            }
            else
            {
                matrix.Replace(key, metadata, rows);
            }
        }

        matrix.Generation = generation;
        CompactIfWorthIt(matrix);
    }

    private void CompactIfWorthIt(QuantizedVectors matrix)
    {
        if (matrix.ShouldCompact)
        {
            _matrix = matrix.Compact();
        }
    }

    private static async Task<(Chunk? Metadata, List<(long RowId, float[] Vector)> Rows)> ReadDocumentRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string documentKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT rowid, document_id, type, date, committee, visibility, vector FROM chunks WHERE document_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", documentKey);
        Chunk? metadata = null;
        var rows = new List<(long, float[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            metadata ??= QuantizedVectors.Template(reader.GetString(1), (DocumentType)reader.GetInt32(2), SqliteValues.ParseDate(reader.GetValue(3)), reader.IsDBNull(4) ? null : reader.GetString(4), VisibilityCodes.FromCode(reader.GetInt64(5)));
            rows.Add((reader.GetInt64(0), SqliteValues.FromBlob((byte[])reader.GetValue(6))));
        }

        return (metadata, rows);
    }

    private async Task<QuantizedVectors> LoadAsync(CancellationToken cancellationToken)
    {
        // One read transaction: the generation and the rows come from the same snapshot.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var generation = await SqliteDatabase.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var model = await SqliteDatabase.ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT rowid, document_id, type, date, committee, visibility, vector FROM chunks ORDER BY document_id, ordinal";
        QuantizedVectors? matrix = model is null ? null : new QuantizedVectors(model.Dimensions, generation);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? current = null;
        Chunk? metadata = null;
        var rows = new List<(long, float[])>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var documentId = reader.GetString(1);
            if (!string.Equals(documentId, current, StringComparison.Ordinal))
            {
                Flush();
                current = documentId;
                metadata = QuantizedVectors.Template(documentId, (DocumentType)reader.GetInt32(2), SqliteValues.ParseDate(reader.GetValue(3)), reader.IsDBNull(4) ? null : reader.GetString(4), VisibilityCodes.FromCode(reader.GetInt64(5)));
            }

            var vector = SqliteValues.FromBlob((byte[])reader.GetValue(6));
            matrix ??= new QuantizedVectors(vector.Length, generation);
            rows.Add((reader.GetInt64(0), vector));
        }

        Flush();
        return matrix ?? new QuantizedVectors(model?.Dimensions ?? 1, generation);

        void Flush()
        {
            if (current is not null && metadata is not null && rows.Count > 0)
            {
                matrix!.Replace(current, metadata, rows);
                rows.Clear();
            }
        }
    }
}
