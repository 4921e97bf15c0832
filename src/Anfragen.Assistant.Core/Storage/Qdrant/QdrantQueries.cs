using Anfragen.Assistant.Retrieval;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Builds the Query API requests. Hybrid search is two prefetches — sparse <c>bm25</c> first, dense second — each
/// carrying the full filter, fused on the server by reciprocal rank fusion. Unequal <see cref="HybridWeights"/> use
/// Qdrant's parameterised RRF (<c>Rrf { K, Weights }</c>, weights in prefetch order, server ≥ 1.17); equal weights with
/// the default k use plain <c>Fusion.Rrf</c>, which every server with the Query API understands.
/// A side with weight 0 or without any query term is dropped rather than fused, so its noise cannot move the ranking.
/// </summary>
internal static class QdrantQueries
{
    /// <summary>RRF k that Qdrant uses when none is given.</summary>
    public const int DefaultRrfK = 60;

    /// <summary>
    /// Candidates each prefetch contributes to the fusion, the same pool the embedded index fuses
    /// (<c>max(top, 50)</c>), so both indexes rank alike.
    /// </summary>
    public static ulong PrefetchLimit(int top) => (ulong)Math.Max(top, 50);

    public static QdrantHybridQuery Keyword(SparseTermVector query, Filter filter) =>
        new([], ToQuery(query), QdrantPayload.SparseVector, filter);

    public static QdrantHybridQuery Dense(float[] vector, Filter filter) =>
        new([], vector, QdrantPayload.DenseVector, filter);

    public static QdrantHybridQuery Hybrid(SparseTermVector keywordQuery, float[] denseQuery, Filter filter, int top, HybridWeights weights)
    {
        ArgumentNullException.ThrowIfNull(keywordQuery);
        ArgumentNullException.ThrowIfNull(weights);
        var useKeyword = !keywordQuery.IsEmpty && weights.Keyword > 0;
        var useDense = weights.Dense > 0 || !useKeyword;
        if (!useKeyword)
        {
            return Dense(denseQuery, filter);
        }

        if (!useDense)
        {
            return Keyword(keywordQuery, filter);
        }

        var limit = PrefetchLimit(top);
        var prefetches = new List<PrefetchQuery>
        {
            new() { Query = ToQuery(keywordQuery), Using = QdrantPayload.SparseVector, Filter = filter, Limit = limit },
            new() { Query = denseQuery, Using = QdrantPayload.DenseVector, Filter = filter, Limit = limit },
        };
        return new QdrantHybridQuery(prefetches, Fusion(weights), null, filter);
    }

    /// <summary>The fusion step: plain RRF when it suffices, parameterised (weighted) RRF otherwise.</summary>
    public static Query Fusion(HybridWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Keyword.Equals(weights.Dense) && weights.RrfK == DefaultRrfK)
        {
            return global::Qdrant.Client.Grpc.Fusion.Rrf;
        }

        var rrf = new Rrf { K = (uint)Math.Max(1, weights.RrfK) };
        if (!weights.Keyword.Equals(weights.Dense))
        {
            rrf.Weights.Add((float)weights.Keyword);
            rrf.Weights.Add((float)weights.Dense);
        }

        return rrf;
    }

    private static Query ToQuery(SparseTermVector vector) => (vector.Values, vector.Indices);
}
