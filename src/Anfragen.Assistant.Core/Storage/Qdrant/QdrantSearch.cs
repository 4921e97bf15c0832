using Anfragen.Assistant.Retrieval;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The search roles on the Qdrant collection: keyword (the sparse <c>bm25</c> vector, IDF modifier, weights as query
/// values), dense (cosine, HNSW; with scalar quantization rescored on the server), hybrid (two filtered prefetches
/// fused by weighted RRF in one Query API call) and vocabulary statistics. Every result keeps to the current version of
/// each document (<see cref="QdrantVersions"/>).
/// <para>
/// Fusion runs on the server when its version takes the weighted RRF (<see cref="QdrantCollection.ServerFusion"/>,
/// decided once from the health check). A request the server still rejects as invalid is fused on the client with the
/// same formula, for that request only: one bad request never switches fusion off for good.
/// </para>
/// </summary>
internal sealed class QdrantSearch(QdrantCollection collection, GermanTextAnalyzer analyzer) : IKeywordIndex, IVectorIndex, IHybridSearch, IVocabularyStatistics
{
    public GermanTextAnalyzer Analyzer => analyzer;

    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(KeywordQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        var sparse = SparseVectorBuilder.ForQuery(query);
        if (top <= 0 || sparse.IsEmpty)
        {
            return [];
        }

        return await QueryAsync(QdrantQueries.Keyword(sparse, QdrantFilters.ForChunks(filter)), top, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await collection.CheckQueryVectorAsync(queryVector, cancellationToken).ConfigureAwait(false);
        if (top <= 0)
        {
            return [];
        }

        var request = QdrantQueries.Dense(queryVector.ToArray(), QdrantFilters.ForChunks(filter), QdrantQueries.DenseParams(collection.Options));
        return await QueryAsync(request, top, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(KeywordQuery query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(weights);
        await collection.CheckQueryVectorAsync(queryVector, cancellationToken).ConfigureAwait(false);
        if (top <= 0)
        {
            return [];
        }

        var request = QdrantQueries.Hybrid(SparseVectorBuilder.ForQuery(query), queryVector.ToArray(), QdrantFilters.ForChunks(filter), top, weights, QdrantQueries.DenseParams(collection.Options));
        if (request.Prefetches.Count == 0)
        {
            // One side only; a dense-only hybrid search keeps the same similarity floor as the fused one.
            var single = await QueryAsync(request, top, cancellationToken).ConfigureAwait(false);
            return request.Using == QdrantPayload.DenseVector ? [.. single.Where(d => d.Score >= weights.MinDenseScore)] : single;
        }

        if (collection.ServerFusion)
        {
            try
            {
                return await QueryAsync(request, top, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.Unimplemented)
            {
                QdrantLog.FusionRejected(collection.Logger, collection.Options.Url, ex.Status.Detail);
            }
        }

        var pool = (int)QdrantQueries.PrefetchLimit(top);
        var keyword = await QueryAsync(Single(request.Prefetches[0]), pool, cancellationToken).ConfigureAwait(false);
        var dense = (await QueryAsync(Single(request.Prefetches[1]), pool, cancellationToken).ConfigureAwait(false)).Where(d => d.Score >= weights.MinDenseScore).ToList();
        return ReciprocalRankFusion.Fuse(keyword, dense, weights, top);
    }

    /// <summary>Per term: the chunks holding it that the filter allows, up to <paramref name="cap"/> (one batched sparse query of that term alone each).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountChunksWithTermsAsync(IReadOnlyCollection<string> terms, SearchFilter filter, int cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filter);
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var counts = distinct.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        if (distinct.Count == 0 || cap <= 0)
        {
            return counts;
        }

        var chunkFilter = QdrantFilters.ForChunks(filter);
        var queries = distinct.Select(term =>
        {
            var sparse = SparseVectorBuilder.ForQuery(new KeywordQuery([new WeightedTerm(term, 1f)]));
            return new QueryPoints
            {
                CollectionName = collection.Name,
                Query = (sparse.Values, sparse.Indices),
                Using = QdrantPayload.SparseVector,
                Filter = chunkFilter,
                Limit = (ulong)cap,
                WithPayload = new WithPayloadSelector { Enable = false },
            };
        }).ToList();
        var results = await collection.QueryBatchAsync(queries, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < distinct.Count && i < results.Count; i++)
        {
            counts[distinct[i]] = results[i].Result.Count;
        }

        return counts;
    }

    public async Task<long> CountChunksAsync(CancellationToken cancellationToken = default) =>
        await collection.ExistsAsync(cancellationToken).ConfigureAwait(false)
            ? (long)await collection.CountAsync(QdrantFilters.OfKind(QdrantPayload.KindChunk), cancellationToken).ConfigureAwait(false)
            : 0;

    private static QdrantHybridQuery Single(PrefetchQuery prefetch) => new([], prefetch.Query, prefetch.Using, prefetch.Filter, prefetch.Params);

    private async Task<IReadOnlyList<ScoredChunk>> QueryAsync(QdrantHybridQuery request, int top, CancellationToken cancellationToken)
    {
        var points = await collection.QueryAsync(request, top, withPayload: true, cancellationToken).ConfigureAwait(false);
        return await QdrantVersions.CurrentChunksAsync(collection, points, cancellationToken).ConfigureAwait(false);
    }
}
