using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// The search entry point for CLI, web, drafting and chat: embeds the query, runs keyword, dense or hybrid search on
/// the index with the caller's filter inside each search, and groups chunks into documents.
/// </summary>
public sealed class HybridRetriever(IKnowledgeIndex index, EmbeddingService embeddings, KnowledgeIndexInitializer initializer, IOptions<RetrievalOptions> options)
{
    private readonly RetrievalOptions _options = options.Value;

    public IKnowledgeIndex Index => index;

    public HybridWeights Weights => _options.Weights;

    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(string query, SearchMode mode, SearchFilter filter, int top, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (top <= 0 || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        await initializer.EnsureInitializedAsync(ct).ConfigureAwait(false);
        switch (mode)
        {
            case SearchMode.Keyword:
                return await index.KeywordSearchAsync(query, filter, top, ct).ConfigureAwait(false);
            case SearchMode.Dense:
                var vector = await embeddings.EmbedQueryAsync(query, ct).ConfigureAwait(false);
                return await index.DenseSearchAsync(vector, filter, top, ct).ConfigureAwait(false);
            default:
                var queryVector = await embeddings.EmbedQueryAsync(query, ct).ConfigureAwait(false);
                return await index.HybridSearchAsync(query, queryVector, filter, top, _options.Weights, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Ranked documents, each once at its best chunk, from a pool of <see cref="RetrievalOptions.CandidatePool"/> chunks.</summary>
    public async Task<IReadOnlyList<DocumentHit>> SearchDocumentsAsync(string query, SearchMode mode, SearchFilter filter, int top, CancellationToken ct = default)
    {
        if (top <= 0)
        {
            return [];
        }

        var chunks = await SearchAsync(query, mode, filter, Math.Max(_options.CandidatePool, top), ct).ConfigureAwait(false);
        return GroupByDocument(chunks, top);
    }

    /// <summary>A paper by its Drucksache number ("Ds. 25-26577" → "25-26577"), or null when absent or not allowed.</summary>
    public async Task<StoredDocument?> FindByReferenceAsync(string reference, SearchFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var id = DrucksacheReference.Normalize(reference);
        if (id.Length == 0)
        {
            return null;
        }

        await initializer.EnsureInitializedAsync(ct).ConfigureAwait(false);
        return await index.GetDocumentAsync(id, filter, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps the first (best) chunk of each document, in rank order; then puts each answer directly before its own
    /// inquiry when both were found ("24-11234-01" before "24-11234"). The Stellungnahme repeats the questions and adds
    /// the answers, so it is the more useful hit; which documents are returned does not change, only their order.
    /// </summary>
    public static IReadOnlyList<DocumentHit> GroupByDocument(IReadOnlyList<ScoredChunk> chunks, int top)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hits = new List<DocumentHit>();
        foreach (var chunk in chunks)
        {
            if (seen.Add(chunk.Chunk.DocumentId))
            {
                hits.Add(new DocumentHit(chunk.Chunk.DocumentId, chunk.Chunk.Title, chunk.Score, chunk));
            }
        }

        for (var i = 0; i < hits.Count; i++)
        {
            if (hits[i].BestChunk.Chunk.DocumentType != DocumentType.Anfrage)
            {
                continue;
            }

            var inquiryId = hits[i].DocumentId;
            var answerAt = hits.FindIndex(i + 1, h => h.BestChunk.Chunk.DocumentType == DocumentType.Stellungnahme && AnswerIds.IsAnswerOf(h.DocumentId, inquiryId));
            if (answerAt > i)
            {
                var answer = hits[answerAt];
                hits.RemoveAt(answerAt);
                hits.Insert(i, answer);
                i++;
            }
        }

        return hits.Count > top ? hits.GetRange(0, top) : hits;
    }
}
