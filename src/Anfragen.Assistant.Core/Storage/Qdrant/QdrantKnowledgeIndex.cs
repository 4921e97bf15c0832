using System.Runtime.CompilerServices;
using Anfragen.Assistant.Retrieval;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The production <see cref="IKnowledgeIndex"/> on Qdrant (gRPC, Qdrant.Client). One collection per archive with a named
/// dense vector (<c>dense</c>, cosine, dimension of the embedder) and a sparse vector (<c>bm25</c>, IDF modifier, terms
/// from our German analyzer), payload indexes on document id, type, visibility (tenant key) and date.
/// Hybrid search runs on the server: two filtered prefetches fused by (weighted) RRF in one Query API call.
/// </summary>
public sealed class QdrantKnowledgeIndex : IKnowledgeIndex, IDisposable
{
    private const uint ScrollPageSize = 256;

    private readonly QdrantClient _client;
    private readonly QdrantOptions _options;
    private readonly SparseVectorBuilder _sparse;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly string _collection;
    private EmbeddingModelInfo? _model;
    private volatile bool _clientSideFusion;

    public QdrantKnowledgeIndex(IOptions<QdrantOptions> options, GermanTextAnalyzer analyzer, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        var validation = new QdrantOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(QdrantOptions.SectionName, typeof(QdrantOptions), validation.Failures);
        }

        _collection = _options.Collection;
        _logger = loggerFactory.CreateLogger<QdrantKnowledgeIndex>();
        _sparse = new SparseVectorBuilder(analyzer);
        _pipeline = QdrantResilience.Create(_options, (attempt, exception, delay) => QdrantLog.Retrying(_logger, exception, attempt, delay));

        // An https:// address makes the channel use TLS; the key travels as the "api-key" header on every call.
        _client = new QdrantClient(new Uri(_options.Url), string.IsNullOrWhiteSpace(_options.ApiKey) ? null : _options.ApiKey, _options.RequestTimeout, loggerFactory);
    }

    /// <summary>The collection this index reads and writes.</summary>
    public string CollectionName => _collection;

    /// <inheritdoc/>
    public async Task InitializeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(model.Dimensions);
        await CheckServerAsync(cancellationToken).ConfigureAwait(false);

        var exists = await RunAsync(ct => _client.CollectionExistsAsync(_collection, ct), cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            exists = !await TryCreateCollectionAsync(model, cancellationToken).ConfigureAwait(false);
        }

        // The stored model is checked before the vector shape so a mismatch names both models, not only two numbers.
        var stored = await ReadModelAsync(cancellationToken).ConfigureAwait(false);
        if (stored is not null && (!string.Equals(stored.ModelId, model.ModelId, StringComparison.Ordinal) || stored.Dimensions != model.Dimensions))
        {
            throw Mismatch(stored, model);
        }

        if (exists)
        {
            await CheckCollectionShapeAsync(model, cancellationToken).ConfigureAwait(false);
            QdrantLog.CollectionOpened(_logger, _collection, _options.Url);
        }

        if (stored is null)
        {
            await WritePointsAsync([MetadataPoint(model)], cancellationToken).ConfigureAwait(false);
        }

        _model = model;
    }

    /// <inheritdoc/>
    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var point = await RetrieveAsync(QdrantPointIds.ForDocument(documentId), cancellationToken).ConfigureAwait(false);
        return point is null ? null : QdrantPayload.ToDocument(point.Payload).ContentHash;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Qdrant has no transactions spanning several points, so the replace is ordered to keep readers safe:
    /// (1) upsert the new chunks — same chunk ids give the same point ids, so each chunk is overwritten in place;
    /// (2) upsert the document point with the new content hash;
    /// (3) delete the document's chunk points that are not in the new set.
    /// Every step waits for acknowledgement. A reader therefore never sees the document without chunks; between (1) and
    /// (3) it may briefly see surplus old chunks with higher ordinals (a superset, never a gap). If the process dies in
    /// between, the content hash is either still the old one (step 2 not reached: the next ingest redoes the document)
    /// or the new one with at most stale extra chunks, which the next replace or delete removes.
    /// </remarks>
    public async Task UpsertAsync(IndexedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = await RequireModelAsync(cancellationToken).ConfigureAwait(false);
        if (document.Chunks.Count != document.Vectors.Count)
        {
            throw new ArgumentException($"Dokument {document.Document.Id}: {document.Chunks.Count} Abschnitte, aber {document.Vectors.Count} Vektoren.", nameof(document));
        }

        var points = new List<PointStruct>(document.Chunks.Count);
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            var chunk = document.Chunks[i];
            if (!string.Equals(chunk.DocumentId, document.Document.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Abschnitt {chunk.ChunkId} gehört nicht zu Dokument {document.Document.Id}.", nameof(document));
            }

            if (document.Vectors[i].Length != model.Dimensions)
            {
                throw new IndexMismatchException(
                    $"Abschnitt {chunk.ChunkId}: Vektor mit {document.Vectors[i].Length} Dimensionen, die Sammlung '{_collection}' erwartet {model.Dimensions} ({model.ModelId}).");
            }

            points.Add(ChunkPoint(chunk, document.Vectors[i]));
        }

        foreach (var batch in points.Chunk(_options.UpsertBatchSize))
        {
            await WritePointsAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var stored = document.Document with { ChunkCount = document.Chunks.Count };
        await WritePointsAsync([DocumentPoint(stored)], cancellationToken).ConfigureAwait(false);

        var keep = points.Select(p => Guid.Parse(p.Id.Uuid)).ToList();
        await RunAsync(ct => _client.DeleteAsync(_collection, QdrantFilters.StaleChunksOf(stored.Id, keep), wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        QdrantLog.DocumentReplaced(_logger, stored.Id, points.Count);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var filter = QdrantFilters.AllPointsOf(documentId);
        var count = await RunAsync(ct => _client.CountAsync(_collection, filter, exact: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            return false;
        }

        await RunAsync(ct => _client.DeleteAsync(_collection, filter, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        var sparse = _sparse.ForQuery(query);
        if (top <= 0 || sparse.IsEmpty)
        {
            return [];
        }

        return await QueryAsync(QdrantQueries.Keyword(sparse, QdrantFilters.ForChunks(filter)), top, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await CheckQueryVectorAsync(queryVector, cancellationToken).ConfigureAwait(false);
        if (top <= 0)
        {
            return [];
        }

        return await QueryAsync(QdrantQueries.Dense(queryVector.ToArray(), QdrantFilters.ForChunks(filter)), top, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(
        string query,
        ReadOnlyMemory<float> queryVector,
        SearchFilter filter,
        int top,
        HybridWeights weights,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(weights);
        await CheckQueryVectorAsync(queryVector, cancellationToken).ConfigureAwait(false);
        if (top <= 0)
        {
            return [];
        }

        var request = QdrantQueries.Hybrid(_sparse.ForQuery(query), queryVector.ToArray(), QdrantFilters.ForChunks(filter), top, weights);
        if (request.Prefetches.Count == 0)
        {
            // One side only; a dense-only hybrid search keeps the same similarity floor as the fused one.
            var single = await QueryAsync(request, top, cancellationToken).ConfigureAwait(false);
            return request.Using == QdrantPayload.DenseVector ? [.. single.Where(d => d.Score >= weights.MinDenseScore)] : single;
        }

        if (!_clientSideFusion)
        {
            try
            {
                return await QueryAsync(request, top, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.Unimplemented)
            {
                // Servers older than the parameterised RRF query reject it; fuse their two result lists here instead,
                // with the same formula the embedded index uses. Remembered per index instance.
                QdrantLog.ClientSideFusion(_logger, _options.Url, ex.Status.Detail);
                _clientSideFusion = true;
            }
        }

        var pool = (int)QdrantQueries.PrefetchLimit(top);
        var keyword = await QueryAsync(request.Prefetches[0], pool, cancellationToken).ConfigureAwait(false);
        var dense = (await QueryAsync(request.Prefetches[1], pool, cancellationToken).ConfigureAwait(false)).Where(d => d.Score >= weights.MinDenseScore).ToList();
        return ReciprocalRankFusion.Fuse(keyword, dense, weights, top);
    }

    /// <inheritdoc/>
    public async Task<StoredDocument?> GetDocumentAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(filter);
        var response = await RunAsync(
            ct => _client.ScrollAsync(_collection, QdrantFilters.ForDocument(documentId, filter), limit: 1, payloadSelector: true, vectorsSelector: false, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return response.Result.Count == 0 ? null : QdrantPayload.ToDocument(response.Result[0].Payload);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(filter);
        var chunks = new List<Chunk>();
        await foreach (var point in ScrollAllAsync(QdrantFilters.ForChunksOf(documentId, filter), withVectors: false, cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(QdrantPayload.ToChunk(point.Payload));
        }

        return [.. chunks.OrderBy(c => c.Ordinal)];
    }

    /// <inheritdoc/>
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
        var response = await RunAsync(
            ct => _client.ScrollAsync(_collection, QdrantFilters.ForDocuments(filter), limit: limit, payloadSelector: true, vectorsSelector: false, orderBy: orderBy, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        var window = response.Result.Select(p => QdrantPayload.ToDocument(p.Payload)).ToList();
        if (window.Count == limit)
        {
            var edge = SortDate(window[^1]);
            window.RemoveAll(d => SortDate(d) == edge);
            await foreach (var point in ScrollAllAsync(QdrantFilters.ForDocumentsOn(edge, filter), withVectors: false, cancellationToken).ConfigureAwait(false))
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

    /// <inheritdoc/>
    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var exists = await RunAsync(ct => _client.CollectionExistsAsync(_collection, ct), cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            return new IndexStatistics(0, 0, null);
        }

        var documents = await RunAsync(ct => _client.CountAsync(_collection, QdrantFilters.OfKind(QdrantPayload.KindDocument), exact: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        var chunks = await RunAsync(ct => _client.CountAsync(_collection, QdrantFilters.OfKind(QdrantPayload.KindChunk), exact: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        var model = await ReadModelAsync(cancellationToken).ConfigureAwait(false);
        return new IndexStatistics((long)documents, (long)chunks, model);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<IndexedDocument> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var documentPoint in ScrollAllAsync(QdrantFilters.OfKind(QdrantPayload.KindDocument), withVectors: false, cancellationToken).ConfigureAwait(false))
        {
            var document = QdrantPayload.ToDocument(documentPoint.Payload);
            var chunkFilter = QdrantFilters.StaleChunksOf(document.Id, keep: []);
            var pairs = new List<(Chunk Chunk, ReadOnlyMemory<float> Vector)>();
            await foreach (var point in ScrollAllAsync(chunkFilter, withVectors: true, cancellationToken).ConfigureAwait(false))
            {
                pairs.Add((QdrantPayload.ToChunk(point.Payload), ReadDenseVector(point)));
            }

            pairs.Sort((a, b) => a.Chunk.Ordinal.CompareTo(b.Chunk.Ordinal));
            yield return new IndexedDocument(document, [.. pairs.Select(p => p.Chunk)], [.. pairs.Select(p => p.Vector)]);
        }
    }

    /// <summary>Drops the whole collection (tests and re-indexing); returns false when it did not exist.</summary>
    public async Task<bool> DeleteCollectionAsync(CancellationToken cancellationToken = default)
    {
        var exists = await RunAsync(ct => _client.CollectionExistsAsync(_collection, ct), cancellationToken).ConfigureAwait(false);
        if (exists)
        {
            await RunAsync(ct => _client.DeleteCollectionAsync(_collection, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }

        _model = null;
        return exists;
    }

    public void Dispose() => _client.Dispose();

    internal static PointStruct ChunkPoint(Chunk chunk, ReadOnlyMemory<float> vector, SparseTermVector sparse)
    {
        var vectors = new Dictionary<string, Vector>(StringComparer.Ordinal) { [QdrantPayload.DenseVector] = vector.ToArray() };

        // A chunk of stop words only has no terms; Qdrant needs no empty sparse vector for it.
        if (!sparse.IsEmpty)
        {
            vectors[QdrantPayload.SparseVector] = (sparse.Values, sparse.Indices);
        }

        var point = new PointStruct { Id = QdrantPointIds.ForChunk(chunk.ChunkId), Vectors = vectors };
        point.Payload.Add(QdrantPayload.ForChunk(chunk));
        return point;
    }

    // Title and text, exactly what the SQLite FTS table indexes, so keyword search matches alike in both indexes.
    private PointStruct ChunkPoint(Chunk chunk, ReadOnlyMemory<float> vector) => ChunkPoint(chunk, vector, _sparse.ForDocument(KeywordText(chunk)));

    internal static string KeywordText(Chunk chunk) => chunk.Title + "\n" + chunk.Text;

    private static PointStruct DocumentPoint(StoredDocument document)
    {
        var point = new PointStruct { Id = QdrantPointIds.ForDocument(document.Id), Vectors = NoVectors() };
        point.Payload.Add(QdrantPayload.ForDocument(document));
        return point;
    }

    private static PointStruct MetadataPoint(EmbeddingModelInfo model)
    {
        var point = new PointStruct { Id = QdrantPointIds.Metadata, Vectors = NoVectors() };
        point.Payload.Add(QdrantPayload.ForModel(model));
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

    private async Task<IReadOnlyList<ScoredChunk>> QueryAsync(QdrantHybridQuery request, int top, CancellationToken cancellationToken)
    {
        var points = await RunAsync(
            ct => _client.QueryAsync(
                _collection,
                query: request.Query,
                prefetch: request.Prefetches.Count == 0 ? null : request.Prefetches,
                usingVector: request.Using,
                filter: request.Filter,
                limit: (ulong)top,
                payloadSelector: true,
                vectorsSelector: false,
                cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return [.. points.Select(p => new ScoredChunk(QdrantPayload.ToChunk(p.Payload), p.Score))];
    }

    private Task<IReadOnlyList<ScoredChunk>> QueryAsync(PrefetchQuery single, int top, CancellationToken cancellationToken) =>
        QueryAsync(new QdrantHybridQuery([], single.Query, single.Using, single.Filter), top, cancellationToken);

    private async IAsyncEnumerable<RetrievedPoint> ScrollAllAsync(Filter filter, bool withVectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        do
        {
            var from = offset;
            WithVectorsSelector vectors = withVectors ? new[] { QdrantPayload.DenseVector } : false;
            var response = await RunAsync(
                ct => _client.ScrollAsync(_collection, filter, limit: ScrollPageSize, offset: from, payloadSelector: true, vectorsSelector: vectors, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            foreach (var point in response.Result)
            {
                yield return point;
            }

            offset = response.NextPageOffset;
        }
        while (offset is not null);
    }

    private async Task<RetrievedPoint?> RetrieveAsync(Guid id, CancellationToken cancellationToken)
    {
        var points = await RunAsync(ct => _client.RetrieveAsync(_collection, id, withPayload: true, withVectors: false, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return points.Count == 0 ? null : points[0];
    }

    private async Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken)
    {
        var point = await RetrieveAsync(QdrantPointIds.Metadata, cancellationToken).ConfigureAwait(false);
        return point is null ? null : QdrantPayload.ToModel(point.Payload);
    }

    private async Task WritePointsAsync(IReadOnlyList<PointStruct> points, CancellationToken cancellationToken) =>
        await RunAsync(ct => _client.UpsertAsync(_collection, points, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);

    private async Task CheckServerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.ExecuteAsync(async ct => await _client.HealthAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            // Any failure of the very first call means a wrong address, port, protocol or key: say so plainly.
            throw new IndexUnavailableException(DescribeFailure(ex) ?? UnreachableMessage(ex), ex);
        }
    }

    /// <returns>false when another instance created the collection first (then the caller checks its shape).</returns>
    private async Task<bool> TryCreateCollectionAsync(EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        var dense = new VectorParams { Size = (ulong)model.Dimensions, Distance = Distance.Cosine };
        if (_options.OnDiskVectors)
        {
            // 'memory' is understood from server 1.20 on; older servers read the deprecated on_disk flag instead.
            dense.Memory = Memory.Cold;
#pragma warning disable CS0612 // Deprecated flag kept for servers older than the 'memory' field.
            dense.OnDisk = true;
#pragma warning restore CS0612
        }

        var sparse = new SparseVectorConfig();
        var sparseParams = new SparseVectorParams { Modifier = Modifier.Idf };
        if (_options.OnDiskSparseIndex)
        {
            sparseParams.Index = new SparseIndexConfig { Memory = Memory.Cold };
#pragma warning disable CS0612 // Deprecated flag kept for servers older than the 'memory' field.
            sparseParams.Index.OnDisk = true;
#pragma warning restore CS0612
        }

        sparse.Map[QdrantPayload.SparseVector] = sparseParams;
        QuantizationConfig? quantization = null;
        if (_options.ScalarQuantization)
        {
            // int8 copies pinned in RAM for the HNSW search; originals (on disk when OnDiskVectors) rescore the top hits.
            var scalar = new ScalarQuantization { Type = QuantizationType.Int8, Quantile = 0.99f, Memory = Memory.Pinned };
#pragma warning disable CS0612 // Deprecated flag kept for servers older than the 'memory' field.
            scalar.AlwaysRam = true;
#pragma warning restore CS0612
            quantization = new QuantizationConfig { Scalar = scalar };
        }

        var vectors = new VectorParamsMap();
        vectors.Map[QdrantPayload.DenseVector] = dense;

        try
        {
            await RunAsync(
                ct => _client.CreateCollectionAsync(
                    _collection,
                    vectors,
                    shardNumber: (uint)_options.ShardNumber,
                    replicationFactor: (uint)_options.ReplicationFactor,
                    writeConsistencyFactor: (uint)_options.WriteConsistencyFactor,
                    onDiskPayload: _options.OnDiskPayload,
                    quantizationConfig: quantization,
                    sparseVectorsConfig: sparse,
                    cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return false;
        }

        await EnsurePayloadIndexesAsync(existing: null, cancellationToken).ConfigureAwait(false);
        QdrantLog.CollectionCreated(_logger, _collection, _options.Url, model.ModelId, model.Dimensions);
        return true;
    }

    private async Task CheckCollectionShapeAsync(EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        var info = await RunAsync(ct => _client.GetCollectionInfoAsync(_collection, ct), cancellationToken).ConfigureAwait(false);
        var parameters = info.Config.Params;
        if (parameters.VectorsConfig?.ParamsMap?.Map is not { } map || !map.TryGetValue(QdrantPayload.DenseVector, out var dense)
            || parameters.SparseVectorsConfig?.Map?.ContainsKey(QdrantPayload.SparseVector) != true)
        {
            throw new IndexMismatchException(
                $"Die Qdrant-Sammlung '{_collection}' unter {_options.Url} hat nicht die Vektoren '{QdrantPayload.DenseVector}' und '{QdrantPayload.SparseVector}': "
                + "sie wurde nicht von Anfragen.Assistant angelegt. Wählen Sie eine andere Sammlung (Anfragen:Qdrant:Collection).");
        }

        if (dense.Size != (ulong)model.Dimensions)
        {
            throw new IndexMismatchException(
                $"Die Qdrant-Sammlung '{_collection}' speichert Vektoren mit {dense.Size} Dimensionen, das Embedding-Modell '{model.ModelId}' liefert {model.Dimensions}. "
                + "Neu indexieren oder eine andere Sammlung (Anfragen:Qdrant:Collection) wählen.");
        }

        await EnsurePayloadIndexesAsync(info.PayloadSchema.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsurePayloadIndexesAsync(HashSet<string>? existing, CancellationToken cancellationToken)
    {
        var keyword = new[] { QdrantPayload.Kind, QdrantPayload.DocumentId, QdrantPayload.DocumentKey, QdrantPayload.Type, QdrantPayload.CommitteeKey };
        foreach (var field in keyword.Where(f => existing?.Contains(f) != true))
        {
            await CreatePayloadIndexAsync(field, PayloadSchemaType.Keyword, null, cancellationToken).ConfigureAwait(false);
        }

        // Visibility is the tenant key: Qdrant stores public and nichtöffentlich points apart, so the access filter
        // present in every search narrows the search space instead of post-filtering it.
        if (existing?.Contains(QdrantPayload.Visibility) != true)
        {
            var tenant = new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } };
            await CreatePayloadIndexAsync(QdrantPayload.Visibility, PayloadSchemaType.Keyword, tenant, cancellationToken).ConfigureAwait(false);
        }

        foreach (var field in new[] { QdrantPayload.Date, QdrantPayload.SortDate }.Where(f => existing?.Contains(f) != true))
        {
            var range = new PayloadIndexParams { IntegerIndexParams = new IntegerIndexParams { Lookup = true, Range = true } };
            await CreatePayloadIndexAsync(field, PayloadSchemaType.Integer, range, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreatePayloadIndexAsync(string field, PayloadSchemaType type, PayloadIndexParams? parameters, CancellationToken cancellationToken) =>
        await RunAsync(ct => _client.CreatePayloadIndexAsync(_collection, field, type, parameters, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);

    /// <summary>The model given to <see cref="InitializeAsync"/>, else the one stored in the collection (another process initialised it).</summary>
    private async Task<EmbeddingModelInfo> RequireModelAsync(CancellationToken cancellationToken)
    {
        if (_model is not null)
        {
            return _model;
        }

        var exists = await RunAsync(ct => _client.CollectionExistsAsync(_collection, ct), cancellationToken).ConfigureAwait(false);
        var stored = exists ? await ReadModelAsync(cancellationToken).ConfigureAwait(false) : null;
        return stored ?? throw new InvalidOperationException(
            $"Die Qdrant-Sammlung '{_collection}' unter {_options.Url} ist nicht angelegt: zuerst {nameof(InitializeAsync)} aufrufen (geschieht beim ersten Indexieren).");
    }

    private async Task CheckQueryVectorAsync(ReadOnlyMemory<float> queryVector, CancellationToken cancellationToken)
    {
        var model = await RequireModelAsync(cancellationToken).ConfigureAwait(false);
        if (queryVector.Length != model.Dimensions)
        {
            throw new IndexMismatchException(
                $"Suchvektor mit {queryVector.Length} Dimensionen, die Qdrant-Sammlung '{_collection}' wurde mit '{model.ModelId}' ({model.Dimensions} Dimensionen) aufgebaut.");
        }
    }

    private IndexMismatchException Mismatch(EmbeddingModelInfo stored, EmbeddingModelInfo configured) =>
        new($"Die Qdrant-Sammlung '{_collection}' wurde mit dem Embedding-Modell '{stored.ModelId}' ({stored.Dimensions} Dimensionen) aufgebaut, "
            + $"konfiguriert ist '{configured.ModelId}' ({configured.Dimensions} Dimensionen). Neu indexieren oder eine andere Sammlung (Anfragen:Qdrant:Collection) wählen.");

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (DescribeFailure(ex) is { } message)
        {
            throw new IndexUnavailableException(message, ex);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await RunAsync(
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>A message for failures the operator must fix (address, key); null for everything else.</summary>
    private string? DescribeFailure(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => UnreachableMessage(ex),
        StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
            $"Qdrant unter {_options.Url} hat den Zugriff verweigert ({ex.StatusCode}). Stimmt der API-Schlüssel "
            + "(Anfragen:Qdrant:ApiKey, Umgebung Anfragen__Qdrant__ApiKey)?",
        _ => null,
    };

    private string UnreachableMessage(RpcException ex) =>
        $"Qdrant unter {_options.Url} ist nicht erreichbar ({ex.StatusCode}: {ex.Status.Detail}). Läuft der Server, und stimmt die Adresse "
        + "(Anfragen:Qdrant:Url bzw. --qdrant-url; gRPC-Port, meist 6334, nicht der REST-Port 6333)?";
}
