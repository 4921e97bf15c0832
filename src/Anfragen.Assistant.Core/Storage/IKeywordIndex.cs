using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// The keyword (BM25) role of the index. Chunks are written through <see cref="IDocumentStore.UpsertAsync"/>; this role
/// only searches. The filter is applied inside the search, before top-k.
/// </summary>
public interface IKeywordIndex
{
    /// <summary>The analyzer the index analyses chunk text with; query terms must come from it.</summary>
    GermanTextAnalyzer Analyzer { get; }

    /// <summary>The best <paramref name="top"/> chunks for the weighted query (see <see cref="KeywordQuery"/>), best first.</summary>
    Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(KeywordQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default);
}
