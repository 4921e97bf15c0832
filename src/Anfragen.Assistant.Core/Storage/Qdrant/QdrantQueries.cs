using Anfragen.Assistant.Retrieval;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Builds the Query API requests. Hybrid search is two prefetches — sparse <c>bm25</c> first, dense second — each
/// carrying the full filter, fused on the server by reciprocal rank fusion in the same Query API call.
/// The fusion is always the parameterised <c>Rrf { K, Weights }</c>: Qdrant's plain <c>Fusion.Rrf</c> uses k = 2 and
/// zero-based ranks, while the embedded index (Retrieval/ReciprocalRankFusion) uses 1-based ranks and
/// <see cref="HybridWeights.RrfK"/>; sending k + 1 makes both compute Σ weight / (k + rank₁) and rank alike.
/// A side with weight 0 or without any query term is dropped rather than fused, so its noise cannot move the ranking.
/// </summary>
internal static class QdrantQueries
{
    /// <summary>
    /// Candidates each prefetch contributes to the fusion, the same pool the embedded index fuses
    /// (<c>max(top, 50)</c>), so both indexes rank alike.
    /// </summary>
    public static ulong PrefetchLimit(int top) => (ulong)Math.Max(top, 50);

    public static QdrantHybridQuery Keyword(SparseTermVector query, Filter filter) =>
        new([], ToQuery(query), QdrantPayload.SparseVector, filter);

    public static QdrantHybridQuery Dense(float[] vector, Filter filter, SearchParams? denseParams = null) =>
        new([], vector, QdrantPayload.DenseVector, filter, denseParams);

    /// <summary>Dense search parameters from the options: HNSW ef, and rescoring of oversampled int8 candidates.</summary>
    public static SearchParams? DenseParams(QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HnswEf is null && !options.ScalarQuantization)
        {
            return null;
        }

        var parameters = new SearchParams();
        if (options.HnswEf is { } ef)
        {
            parameters.HnswEf = (ulong)ef;
        }

        if (options.ScalarQuantization)
        {
            parameters.Quantization = new QuantizationSearchParams { Rescore = true, Oversampling = options.QuantizationOversampling };
        }

        return parameters;
    }

    public static QdrantHybridQuery Hybrid(SparseTermVector keywordQuery, float[] denseQuery, Filter filter, int top, HybridWeights weights, SearchParams? denseParams = null)
    {
        ArgumentNullException.ThrowIfNull(keywordQuery);
        ArgumentNullException.ThrowIfNull(weights);
        var useKeyword = !keywordQuery.IsEmpty && weights.Keyword > 0;
        var useDense = weights.Dense > 0 || !useKeyword;
        if (!useKeyword)
        {
            return Dense(denseQuery, filter, denseParams);
        }

        if (!useDense)
        {
            return Keyword(keywordQuery, filter);
        }

        var limit = PrefetchLimit(top);
        var prefetches = new List<PrefetchQuery>
        {
            new() { Query = ToQuery(keywordQuery), Using = QdrantPayload.SparseVector, Filter = filter, Limit = limit },
            new() { Query = denseQuery, Using = QdrantPayload.DenseVector, Filter = filter, Limit = limit, ScoreThreshold = (float)weights.MinDenseScore },
        };
        if (denseParams is not null)
        {
            prefetches[1].Params = denseParams;
        }

        return new QdrantHybridQuery(prefetches, Fusion(weights), null, filter);
    }

    /// <summary>The fusion step: RRF with our k translated to Qdrant's zero-based ranks, weights in prefetch order when unequal.</summary>
    public static Query Fusion(HybridWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var rrf = new Rrf { K = (uint)Math.Max(1, weights.RrfK + 1) };
        if (!weights.Keyword.Equals(weights.Dense))
        {
            rrf.Weights.Add((float)weights.Keyword);
            rrf.Weights.Add((float)weights.Dense);
        }

        return rrf;
    }

    private static Query ToQuery(SparseTermVector vector) => (vector.Values, vector.Indices);
}
