using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// Hybrid search on the client: the keyword and the dense leg run side by side, each filtered inside its own search,
/// and are fused by <see cref="ReciprocalRankFusion"/> (each contributing its best max(top, 50) chunks). Used by the
/// embedded index; Qdrant fuses on the server and falls back to this formula for a request the server rejects.
/// </summary>
public sealed class FusedHybridSearch(IKeywordIndex keyword, IVectorIndex dense) : IHybridSearch
{
    /// <summary>Chunks each side contributes to the fusion.</summary>
    public static int PoolFor(int top) => Math.Max(top, 50);

    public async Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(KeywordQuery query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(weights);
        if (top <= 0)
        {
            return [];
        }

        // Fusion only reorders what each side was allowed to return.
        var pool = PoolFor(top);
        var denseTask = weights.Dense > 0 ? Task.Run(() => dense.DenseSearchAsync(queryVector, filter, pool, cancellationToken), cancellationToken) : null;
        var keywordHits = await keyword.KeywordSearchAsync(query, filter, pool, cancellationToken).ConfigureAwait(false);
        var denseHits = denseTask is null ? [] : (await denseTask.ConfigureAwait(false)).Where(d => d.Score >= weights.MinDenseScore).ToList();
        return ReciprocalRankFusion.Fuse(keywordHits, denseHits, weights, top);
    }
}
