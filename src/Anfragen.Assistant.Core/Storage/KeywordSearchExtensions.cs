using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>Plain-text searches: the text analysed by the index's own analyzer, every term with weight 1.</summary>
public static class KeywordSearchExtensions
{
    public static Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(this IKeywordIndex index, string query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.KeywordSearchAsync(KeywordQuery.FromText(query, index.Analyzer), filter, top, cancellationToken);
    }

    public static Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync<TIndex>(this TIndex index, string query, ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, HybridWeights weights, CancellationToken cancellationToken = default)
        where TIndex : IHybridSearch, IKeywordIndex
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.HybridSearchAsync(KeywordQuery.FromText(query, index.Analyzer), queryVector, filter, top, weights, cancellationToken);
    }
}
