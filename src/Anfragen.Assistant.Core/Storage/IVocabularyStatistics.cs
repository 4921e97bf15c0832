using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// Term statistics of the keyword index (document frequencies for idf weighting, query expansion and the extractive
/// drafter), without running searches. Counts respect the filter: a caller learns nothing about chunks it may not see.
/// </summary>
public interface IVocabularyStatistics
{
    /// <summary>
    /// For each analysed term (text field): in how many chunks the filter allows it occurs, counted up to
    /// <paramref name="cap"/> (a count of <paramref name="cap"/> means at least that many). Absent terms count 0.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountChunksWithTermsAsync(IReadOnlyCollection<string> terms, SearchFilter filter, int cap, CancellationToken cancellationToken = default);

    /// <summary>All chunks in the index (kept by the index, not counted per call).</summary>
    Task<long> CountChunksAsync(CancellationToken cancellationToken = default);
}
