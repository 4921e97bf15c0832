using System.Runtime.CompilerServices;
using Anfragen.Assistant.Retrieval;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Documents, chunks and metadata in the Qdrant collection, and its one write path. Three kinds of points share the
/// collection: chunks (dense and sparse vectors), one document point per document (content hash, metadata, the current
/// version) and one metadata point (the embedding model).
/// <para>
/// Qdrant has no transactions spanning several points, so a replace is versioned to stay atomic for readers:
/// (1) the new chunks are written as new points of a fresh version, which no reader counts yet (their document point
/// still names the old version; <see cref="QdrantVersions"/>); (2) the document point is written with the new version —
/// one point, one atomic write: from here readers see all new chunks and none of the old; (3) the old points are
/// deleted. Every step waits for acknowledgement. A process killed before (2) leaves invisible new points and the old
/// content hash (the next ingest redoes the document and clears them); after (2), invisible old points that the next
/// replace or delete removes. While old and new points coexist a search may return fewer than top chunks.
/// </para>
/// </summary>
internal sealed class QdrantDocumentStore(QdrantCollection collection, SparseVectorBuilder sparse) : IDocumentStore
{
    public async Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(model.Dimensions);
        await collection.CheckServerAsync(cancellationToken).ConfigureAwait(false);
        var exists = await collection.ExistsAsync(cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            exists = !await QdrantSchema.TryCreateAsync(collection, model, cancellationToken).ConfigureAwait(false);
        }

        // The stored model is checked before the vector shape so a mismatch names both models, not only two numbers.
        var stored = await collection.ReadModelAsync(cancellationToken).ConfigureAwait(false);
        if (stored is not null && (!string.Equals(stored.ModelId, model.ModelId, StringComparison.Ordinal) || stored.Dimensions != model.Dimensions))
        {
            throw collection.Mismatch(stored, model);
        }

        if (exists)
        {
            await QdrantSchema.CheckShapeAsync(collection, model, cancellationToken).ConfigureAwait(false);
            QdrantLog.CollectionOpened(collection.Logger, collection.Name, collection.Options.Url);
        }

        if (stored is null)
        {
            var point = new PointStruct { Id = QdrantPointIds.Metadata, Vectors = NoVectors() };
            point.Payload.Add(QdrantPayload.ForModel(model));
            await collection.WritePointsAsync([point], cancellationToken).ConfigureAwait(false);
        }

        collection.Remember(model);
    }

    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        return (await FindDocumentPointAsync(documentId, cancellationToken).ConfigureAwait(false)) is { } point ? QdrantPayload.ToDocument(point.Payload).ContentHash : null;
    }

    public async Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = await collection.RequireModelAsync(cancellationToken).ConfigureAwait(false);
        if (document.Chunks.Count != document.Vectors.Count)
        {
            throw new ArgumentException($"Dokument {document.Document.Id}: {document.Chunks.Count} Abschnitte, aber {document.Vectors.Count} Vektoren.", nameof(document));
        }

        // One version per replace: a retried request of this replace rewrites the same points.
        var version = Guid.NewGuid().ToString("N");
        var points = new List<PointStruct>(document.Chunks.Count);
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            var chunk = document.Chunks[i];
            if (!string.Equals(SearchFilter.FoldId(chunk.DocumentId), SearchFilter.FoldId(document.Document.Id), StringComparison.Ordinal))
            {
                throw new ArgumentException($"Abschnitt {chunk.ChunkId} gehört nicht zu Dokument {document.Document.Id}.", nameof(document));
            }

            if (document.Vectors[i].Length != model.Dimensions)
            {
                throw new IndexMismatchException(
                    $"Abschnitt {chunk.ChunkId}: Vektor mit {document.Vectors[i].Length} Dimensionen, die Sammlung '{collection.Name}' erwartet {model.Dimensions} ({model.ModelId}).");
            }

            var stored = chunk with { DocumentId = document.Document.Id };
            var expansion = document.ExpansionOf(i);
            var point = ChunkPoint(stored, document.Vectors[i], sparse.ForDocument(KeywordText(stored), expansion), version);
            if (expansion.Count > 0)
            {
                point.Payload[QdrantPayload.Expansion] = string.Join(' ', expansion);
            }

            points.Add(point);
        }

        foreach (var batch in points.Chunk(collection.Options.UpsertBatchSize))
        {
            await collection.WritePointsAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var documentPoint = DocumentPoint(document.Document with { ChunkCount = document.Chunks.Count }, version);
        await collection.WritePointsAsync([documentPoint], cancellationToken).ConfigureAwait(false);
        await collection.DeleteAsync(QdrantFilters.StalePointsOf(document.Document.Id, version, QdrantPointIds.ForDocument(document.Document.Id)), cancellationToken).ConfigureAwait(false);
        QdrantLog.DocumentReplaced(collection.Logger, document.Document.Id, points.Count);
    }

    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var filter = QdrantFilters.AllPointsOf(documentId);
        if (await collection.CountAsync(filter, cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        // The document point first: from then on no reader counts its chunks, whatever the delete below leaves.
        var point = await FindDocumentPointAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (point is not null)
        {
            await collection.DeleteAsync(QdrantFilters.ForDocument(documentId, SearchFilter.PublicOnly with { IncludeNonPublic = true }), cancellationToken).ConfigureAwait(false);
        }

        await collection.DeleteAsync(filter, cancellationToken).ConfigureAwait(false);
        return point is not null;
    }

    public async Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(filter);
        var response = await collection.ScrollAsync(QdrantFilters.ForDocument(documentId, filter), 1, null, cancellationToken).ConfigureAwait(false);
        return response.Result.Count == 0 ? null : QdrantPayload.ToDocument(response.Result[0].Payload);
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(filter);
        var current = await QdrantVersions.CurrentAsync(collection, [SearchFilter.FoldId(documentId)], cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(SearchFilter.FoldId(documentId), out var version))
        {
            return [];
        }

        var chunks = new List<Chunk>();
        await foreach (var point in collection.ScrollAllAsync(QdrantFilters.ForChunksOf(documentId, filter), withVectors: false, cancellationToken).ConfigureAwait(false))
        {
            if (QdrantVersions.IsCurrent(point.Payload, version))
            {
                chunks.Add(QdrantPayload.ToChunk(point.Payload));
            }
        }

        return [.. chunks.OrderBy(c => c.Ordinal)];
    }

    /// <remarks>
    /// Same order as the embedded index: date descending, undated last, then id. Qdrant orders by the integer
    /// <c>sort_date</c> (<c>order_by</c>) but has no offset for ordered scrolls and no secondary key, so we fetch
    /// <c>skip + take</c> documents, then every document sharing the last date (ties may straddle the page edge),
    /// and sort and cut on the client. Deep pages cost proportionally more; listings page through the first few hundred.
    /// </remarks>
    public async Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(SearchFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        if (take <= 0)
        {
            return [];
        }

        var limit = (uint)Math.Min((long)skip + take, uint.MaxValue);
        var orderBy = new OrderBy { Key = QdrantPayload.SortDate, Direction = Direction.Desc };
        var response = await collection.ScrollAsync(QdrantFilters.ForDocuments(filter), limit, orderBy, cancellationToken).ConfigureAwait(false);
        var window = response.Result.Select(p => QdrantPayload.ToDocument(p.Payload)).ToList();
        if (window.Count == limit)
        {
            var edge = SortDate(window[^1]);
            window.RemoveAll(d => SortDate(d) == edge);
            await foreach (var point in collection.ScrollAllAsync(QdrantFilters.ForDocumentsOn(edge, filter), withVectors: false, cancellationToken).ConfigureAwait(false))
            {
                window.Add(QdrantPayload.ToDocument(point.Payload));
            }
        }

        return [.. window
            .OrderByDescending(SortDate)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Skip(skip)
            .Take(take)];

        static long SortDate(StoredDocument d) => d.Date is { } date ? QdrantPayload.ToDateNumber(date) : 0;
    }

    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        if (!await collection.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return new IndexStatistics(0, 0, null);
        }

        var documents = await collection.CountAsync(QdrantFilters.OfKind(QdrantPayload.KindDocument), cancellationToken).ConfigureAwait(false);
        var chunks = await collection.CountAsync(QdrantFilters.OfKind(QdrantPayload.KindChunk), cancellationToken).ConfigureAwait(false);
        var model = await collection.ReadModelAsync(cancellationToken).ConfigureAwait(false);
        return new IndexStatistics((long)documents, (long)chunks, model);
    }

    public async IAsyncEnumerable<IndexedDocument> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var everything = SearchFilter.PublicOnly with { IncludeNonPublic = true };
        await foreach (var documentPoint in collection.ScrollAllAsync(QdrantFilters.OfKind(QdrantPayload.KindDocument), withVectors: false, cancellationToken).ConfigureAwait(false))
        {
            var document = QdrantPayload.ToDocument(documentPoint.Payload);
            var version = QdrantPayload.VersionOf(documentPoint.Payload);
            var rows = new List<(Chunk Chunk, ReadOnlyMemory<float> Vector, IReadOnlyList<string> Expansion)>();
            await foreach (var point in collection.ScrollAllAsync(QdrantFilters.ForChunksOf(document.Id, everything), withVectors: true, cancellationToken).ConfigureAwait(false))
            {
                if (QdrantVersions.IsCurrent(point.Payload, version))
                {
                    rows.Add((QdrantPayload.ToChunk(point.Payload), ReadDenseVector(point), QdrantPayload.ExpansionOf(point.Payload)));
                }
            }

            rows.Sort((a, b) => a.Chunk.Ordinal.CompareTo(b.Chunk.Ordinal));
            yield return new IndexedDocument(document, [.. rows.Select(r => r.Chunk)], [.. rows.Select(r => r.Vector)])
            {
                Expansions = rows.Any(r => r.Expansion.Count > 0) ? [.. rows.Select(r => r.Expansion)] : null,
            };
        }
    }

    // Title and text, exactly what the embedded keyword index analyses, so keyword search matches alike in both indexes.
    internal static string KeywordText(Chunk chunk) => chunk.Title + "\n" + chunk.Text;

    internal static PointStruct ChunkPoint(Chunk chunk, ReadOnlyMemory<float> vector, SparseTermVector sparseVector, string version)
    {
        var vectors = new Dictionary<string, Vector>(StringComparer.Ordinal) { [QdrantPayload.DenseVector] = vector.ToArray() };

        // A chunk of stop words only has no terms; Qdrant needs no empty sparse vector for it.
        if (!sparseVector.IsEmpty)
        {
            vectors[QdrantPayload.SparseVector] = (sparseVector.Values, sparseVector.Indices);
        }

        var point = new PointStruct { Id = QdrantPointIds.ForChunk(chunk.ChunkId, version), Vectors = vectors };
        point.Payload.Add(QdrantPayload.ForChunk(chunk, version));
        return point;
    }

    private static PointStruct DocumentPoint(StoredDocument document, string version)
    {
        var point = new PointStruct { Id = QdrantPointIds.ForDocument(document.Id), Vectors = NoVectors() };
        point.Payload.Add(QdrantPayload.ForDocument(document, version));
        return point;
    }

    // Named vectors are optional per point: document and metadata points carry none and so never show up in a search.
    private static Vectors NoVectors() => new() { Vectors_ = new NamedVectors() };

    private static ReadOnlyMemory<float> ReadDenseVector(RetrievedPoint point)
    {
        if (point.Vectors?.Vectors?.Vectors is { } named
            && named.TryGetValue(QdrantPayload.DenseVector, out var output)
            && output.GetDenseVector() is { } dense)
        {
            return dense.Data.ToArray();
        }

        throw new InvalidOperationException($"Qdrant-Punkt {point.Id.Uuid} hat keinen Vektor '{QdrantPayload.DenseVector}'.");
    }

    /// <summary>The document point by its folded id, or (written before ids were folded) by its key.</summary>
    private async Task<RetrievedPoint?> FindDocumentPointAsync(string documentId, CancellationToken cancellationToken)
    {
        var points = await collection.RetrieveAsync([QdrantPointIds.ForDocument(documentId)], cancellationToken).ConfigureAwait(false);
        if (points.Count > 0)
        {
            return points[0];
        }

        var legacy = await collection.ScrollAsync(QdrantFilters.ForDocument(documentId, SearchFilter.PublicOnly with { IncludeNonPublic = true }), 1, null, cancellationToken).ConfigureAwait(false);
        return legacy.Result.Count > 0 ? legacy.Result[0] : null;
    }
}
