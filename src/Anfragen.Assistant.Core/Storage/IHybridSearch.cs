using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// Keyword and dense search fused by weighted reciprocal rank fusion, the filter applied inside both searches. The
/// embedded index fuses on the client (<see cref="ReciprocalRankFusion"/>); Qdrant fuses on the server with the Query API.
/// Both rank alike: Σ weight / (k + rank), each side contributing its best max(top, 50) chunks, dense hits below
/// <see cref="HybridWeights.MinDenseScore"/> left out.
/// </summary>
public interface IHybridSearch
{
    Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(KeywordQuery query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default);
}
