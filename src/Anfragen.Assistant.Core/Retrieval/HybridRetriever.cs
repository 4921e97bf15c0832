using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Retrieval;

// STAND-IN (web branch) until the kb branch is merged.
public sealed class HybridRetriever
{
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(string query, SearchMode mode, SearchFilter filter, int top, CancellationToken cancellationToken = default) => throw new NotSupportedException(query + mode + filter + top);
}
