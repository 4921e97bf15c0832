using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// Runs evaluation queries against an index in one mode and scores the document rankings. Query vectors are passed
/// in (embedded once) so several indexes and fusion settings can be compared on identical inputs.
/// Searches include nichtöffentlich documents: this is an administrator's measurement of the whole archive.
/// </summary>
public static class RetrievalEvaluator
{
    public static async Task<RankingMetrics> EvaluateAsync(
        IKnowledgeIndex index,
        IReadOnlyList<EvaluationQuery> queries,
        IReadOnlyDictionary<string, float[]> queryVectors,
        SearchMode mode,
        HybridWeights weights,
        int k,
        int candidatePool,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(queryVectors);
        var results = new List<(IReadOnlyList<string>, IReadOnlyCollection<string>)>();
        foreach (var query in queries)
        {
            var filter = new SearchFilter { IncludeNonPublic = true, ExcludeDocumentIds = query.Exclude };
            var vector = queryVectors[query.Query];
            var chunks = mode switch
            {
                SearchMode.Keyword => await index.KeywordSearchAsync(query.Query, filter, candidatePool, cancellationToken).ConfigureAwait(false),
                SearchMode.Dense => await index.DenseSearchAsync(vector, filter, candidatePool, cancellationToken).ConfigureAwait(false),
                _ => await index.HybridSearchAsync(query.Query, vector, filter, candidatePool, weights, cancellationToken).ConfigureAwait(false),
            };
            var ranked = HybridRetriever.GroupByDocument(chunks, k).Select(h => h.DocumentId).ToList();
            results.Add((ranked, query.Relevant.ToList()));
        }

        return RankingMetrics.Compute(results);
    }
}
