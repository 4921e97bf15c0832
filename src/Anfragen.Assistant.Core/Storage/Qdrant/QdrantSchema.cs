using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The collection's shape: a named dense vector (cosine; on disk and int8-quantised when configured), the sparse
/// <c>bm25</c> vector with the IDF modifier, shards and replicas, and the payload indexes every filter uses
/// (visibility as the tenant key). Created once; an existing collection is checked, not changed.
/// </summary>
internal static class QdrantSchema
{
    /// <returns>false when another instance created the collection first (then the caller checks its shape).</returns>
    public static async Task<bool> TryCreateAsync(QdrantCollection collection, EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        var options = collection.Options;
        var dense = new VectorParams { Size = (ulong)model.Dimensions, Distance = Distance.Cosine };
        if (options.OnDiskVectors)
        {
            // 'memory' is understood from server 1.20 on; older servers read the deprecated on_disk flag instead.
            dense.Memory = Memory.Cold;
#pragma warning disable CS0612 // Deprecated flag kept for servers older than the 'memory' field.
            dense.OnDisk = true;
#pragma warning restore CS0612
        }

        if (options.HnswM is { } m || options.HnswEfConstruct is not null)
        {
            dense.HnswConfig = new HnswConfigDiff();
            if (options.HnswM is { } hnswM)
            {
                dense.HnswConfig.M = (ulong)hnswM;
            }

            if (options.HnswEfConstruct is { } ef)
            {
                dense.HnswConfig.EfConstruct = (ulong)ef;
            }
        }

        var sparse = new SparseVectorConfig();
        var sparseParams = new SparseVectorParams { Modifier = Modifier.Idf };
        if (options.OnDiskSparseIndex)
        {
            sparseParams.Index = new SparseIndexConfig { Memory = Memory.Cold };
#pragma warning disable CS0612 // Deprecated flag kept for servers older than the 'memory' field.
            sparseParams.Index.OnDisk = true;
#pragma warning restore CS0612
        }

        sparse.Map[QdrantPayload.SparseVector] = sparseParams;
        QuantizationConfig? quantization = null;
        if (options.ScalarQuantization)
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
            await collection.RunAsync(
                ct => collection.Client.CreateCollectionAsync(
                    collection.Name,
                    vectors,
                    shardNumber: (uint)options.ShardNumber,
                    replicationFactor: (uint)options.ReplicationFactor,
                    writeConsistencyFactor: (uint)options.WriteConsistencyFactor,
                    onDiskPayload: options.OnDiskPayload,
                    quantizationConfig: quantization,
                    sparseVectorsConfig: sparse,
                    cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return false;
        }

        await EnsurePayloadIndexesAsync(collection, existing: null, cancellationToken).ConfigureAwait(false);
        QdrantLog.CollectionCreated(collection.Logger, collection.Name, options.Url, model.ModelId, model.Dimensions);
        return true;
    }

    public static async Task CheckShapeAsync(QdrantCollection collection, EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        var info = await collection.RunAsync(ct => collection.Client.GetCollectionInfoAsync(collection.Name, ct), cancellationToken).ConfigureAwait(false);
        var parameters = info.Config.Params;
        if (parameters.VectorsConfig?.ParamsMap?.Map is not { } map || !map.TryGetValue(QdrantPayload.DenseVector, out var dense)
            || parameters.SparseVectorsConfig?.Map?.ContainsKey(QdrantPayload.SparseVector) != true)
        {
            throw new IndexMismatchException(
                $"Die Qdrant-Sammlung '{collection.Name}' unter {collection.Options.Url} hat nicht die Vektoren '{QdrantPayload.DenseVector}' und '{QdrantPayload.SparseVector}': "
                + "sie wurde nicht von Anfragen.Assistant angelegt. Wählen Sie eine andere Sammlung (Anfragen:Qdrant:Collection).");
        }

        if (dense.Size != (ulong)model.Dimensions)
        {
            throw new IndexMismatchException(
                $"Die Qdrant-Sammlung '{collection.Name}' speichert Vektoren mit {dense.Size} Dimensionen, das Embedding-Modell '{model.ModelId}' liefert {model.Dimensions}. "
                + "Neu indexieren oder eine andere Sammlung (Anfragen:Qdrant:Collection) wählen.");
        }

        await EnsurePayloadIndexesAsync(collection, info.PayloadSchema.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsurePayloadIndexesAsync(QdrantCollection collection, HashSet<string>? existing, CancellationToken cancellationToken)
    {
        var keyword = new[] { QdrantPayload.Kind, QdrantPayload.DocumentId, QdrantPayload.DocumentKey, QdrantPayload.Type, QdrantPayload.CommitteeKey, QdrantPayload.Version };
        foreach (var field in keyword.Where(f => existing?.Contains(f) != true))
        {
            await CreatePayloadIndexAsync(collection, field, PayloadSchemaType.Keyword, null, cancellationToken).ConfigureAwait(false);
        }

        // Visibility is the tenant key: Qdrant stores public and nichtöffentlich points apart, so the access filter
        // present in every search narrows the search space instead of post-filtering it.
        if (existing?.Contains(QdrantPayload.Visibility) != true)
        {
            var tenant = new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } };
            await CreatePayloadIndexAsync(collection, QdrantPayload.Visibility, PayloadSchemaType.Keyword, tenant, cancellationToken).ConfigureAwait(false);
        }

        foreach (var field in new[] { QdrantPayload.Date, QdrantPayload.SortDate }.Where(f => existing?.Contains(f) != true))
        {
            var range = new PayloadIndexParams { IntegerIndexParams = new IntegerIndexParams { Lookup = true, Range = true } };
            await CreatePayloadIndexAsync(collection, field, PayloadSchemaType.Integer, range, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CreatePayloadIndexAsync(QdrantCollection collection, string field, PayloadSchemaType type, PayloadIndexParams? parameters, CancellationToken cancellationToken) =>
        await collection.RunAsync(ct => collection.Client.CreatePayloadIndexAsync(collection.Name, field, type, parameters, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
}
