using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Fills a <see cref="PassageSet"/> for one question: the papers the inquiry references (exact lookup, their first chunks),
/// then hybrid retrieval with the question plus the inquiry subject, where a question of an earlier Anfrage brings its
/// answer along (<see cref="PriorAnswer"/>). The caller's filter is applied inside every search,
/// and every chunk is checked again with <see cref="SearchFilter.Allows"/> before it can reach a prompt (defence in depth:
/// a faulty index must not leak a nichtöffentlich passage to a model).
/// </summary>
internal sealed class PassageCollector(HybridRetriever retriever, IPaperLinks links, LlmOptions options, ILogger logger)
{
    // Referenced papers are named by the inquiry itself, but must not crowd out what retrieval finds.
    private const int MaxReferences = 3;
    private const int ChunksPerReference = 2;

    public static SearchFilter FilterFor(Principal principal, Inquiry? inquiry)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var filter = SearchFilter.For(principal);
        return string.IsNullOrWhiteSpace(inquiry?.Id) ? filter : filter with { ExcludeDocumentIds = [inquiry.Id] };
    }

    /// <summary>The retrieval query for a question: the question (cut to the limit) and the inquiry subject.</summary>
    public string QueryFor(Inquiry inquiry, InquiryQuestion question) =>
        string.Join(' ', new[] { LimitQuestion(question.Text), inquiry.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public string LimitQuestion(string question) => PassageSet.Cut(question, options.MaxQuestionChars);

    public async Task CollectAsync(PassageSet passages, string query, IReadOnlyList<string> references, Principal principal, SearchFilter filter, CancellationToken cancellationToken)
    {
        var referenceBudget = Math.Max(1, options.MaxPassages / 2);
        foreach (var reference in references.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxReferences))
        {
            var document = await retriever.FindByReferenceAsync(reference, filter, cancellationToken).ConfigureAwait(false);
            if (document is null || (filter.ExcludeDocumentIds?.Contains(document.Id, StringComparer.OrdinalIgnoreCase) ?? false))
            {
                DraftingLog.ReferenceNotFound(logger, reference);
                continue;
            }

            var chunks = await retriever.Index.GetChunksAsync(document.Id, filter, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in chunks.Take(ChunksPerReference))
            {
                if (passages.Count >= referenceBudget)
                {
                    break;
                }

                AddChecked(passages, chunk, filter, principal);
            }
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return;
        }

        var hits = await retriever.SearchAsync(query, SearchMode.Hybrid, filter, options.MaxPassages * 2, cancellationToken).ConfigureAwait(false);
        foreach (var hit in hits)
        {
            if (passages.Count >= options.MaxPassages)
            {
                break;
            }

            // A matching question of an earlier Anfrage brings the answer it got right after it.
            if (AddChecked(passages, hit.Chunk, filter, principal) is not null && passages.Count < options.MaxPassages
                && await PriorAnswer.FindAsync(retriever.Index, links, hit.Chunk, filter, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                AddChecked(passages, answer, filter, principal);
            }
        }
    }

    /// <summary>Runs one follow-up search for the ArchiveSearch tool; returns the passages it added.</summary>
    public async Task<IReadOnlyList<Passage>> SearchMoreAsync(PassageSet passages, string query, Principal principal, SearchFilter filter, CancellationToken cancellationToken)
    {
        var hits = await retriever.SearchAsync(LimitQuestion(query), SearchMode.Hybrid, filter, options.MaxPassagesPerSearch * 3, cancellationToken).ConfigureAwait(false);
        var added = new List<Passage>();
        foreach (var hit in hits)
        {
            if (added.Count >= options.MaxPassagesPerSearch)
            {
                break;
            }

            if (AddChecked(passages, hit.Chunk, filter, principal) is { } passage)
            {
                added.Add(passage);
            }
        }

        return added;
    }

    private Passage? AddChecked(PassageSet passages, Chunk chunk, SearchFilter filter, Principal principal)
    {
        if (!filter.Allows(chunk))
        {
            DraftingLog.PassageRejectedByFilter(logger, chunk.ChunkId, principal.UserName);
            return null;
        }

        return passages.Add(chunk);
    }
}
