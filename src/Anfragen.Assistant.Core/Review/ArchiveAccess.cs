using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Review;

/// <summary>
/// Archive search and document view for signed-in users, shared by pages and API so both apply the same rules:
/// the access filter comes from the actor's clearance and is applied inside every search; each nichtöffentlich
/// document shown to a cleared user is written to the audit log.
/// </summary>
public sealed class ArchiveAccess(HybridRetriever retriever, IDocumentStore index, AuditLog audit)
{
    public async Task<IReadOnlyList<ArchiveHit>> SearchAsync(Actor actor, ArchiveQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return [];
        }

        var filter = SearchFilter.For(actor.ToPrincipal()) with
        {
            Types = query.Types,
            Committee = string.IsNullOrWhiteSpace(query.Committee) ? null : query.Committee.Trim(),
            From = query.From,
            To = query.To,
        };
        var top = Math.Clamp(query.Top, 1, 100);

        // Chunks, then one hit per document at its best passage: a long document must not fill the page alone.
        var chunks = await retriever.SearchAsync(query.Text, query.Mode, filter, top * 4, cancellationToken).ConfigureAwait(false);
        var hits = chunks
            .Where(c => filter.Allows(c.Chunk))
            .GroupBy(c => c.Chunk.DocumentId, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(c => c.Score).First())
            .OrderByDescending(c => c.Score)
            .Take(top)
            .Select(c => new ArchiveHit(c.Chunk, c.Score))
            .ToList();
        await AuditNonPublicAsync(actor, hits.Select(h => h.Passage), "Archivsuche", cancellationToken).ConfigureAwait(false);
        return hits;
    }

    /// <summary>A document with its passages, or null when absent or not visible to the actor.</summary>
    public async Task<(StoredDocument Document, IReadOnlyList<Chunk> Chunks)?> GetDocumentAsync(Actor actor, string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var filter = SearchFilter.For(actor.ToPrincipal());
        var document = await index.GetDocumentAsync(documentId, filter, cancellationToken).ConfigureAwait(false);
        if (document is null || (document.Visibility == Visibility.NonPublic && !actor.ClearedForNonPublic))
        {
            return null;
        }

        var chunks = await index.GetChunksAsync(documentId, filter, cancellationToken).ConfigureAwait(false);
        if (document.Visibility == Visibility.NonPublic)
        {
            await audit.RecordNonPublicAccessAsync(actor.UserName, [document.Id], "Dokument geöffnet", cancellationToken).ConfigureAwait(false);
        }

        return (document, chunks);
    }

    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(Actor actor, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return index.ListDocumentsAsync(SearchFilter.For(actor.ToPrincipal()), Math.Max(0, skip), Math.Clamp(take, 1, 500), cancellationToken);
    }

    /// <summary>Shown instead of a stored chat answer that rests on nichtöffentlich papers the actor is not (or no longer) cleared for.</summary>
    public const string WithheldAnswer = "[Diese Antwort stützte sich auf nichtöffentliche Unterlagen und wird Ihnen nicht angezeigt.]";

    /// <summary>Shown instead of a stored question asked in a conversation that held nichtöffentlich content.</summary>
    public const string WithheldQuestion = "[Diese Frage wurde im Zusammenhang mit nichtöffentlichen Unterlagen gestellt und wird Ihnen nicht angezeigt.]";

    /// <summary>
    /// Stored chat messages as the actor may see them now: a message whose prompt held anything nichtöffentlich
    /// (its recorded visibility), or that cites a paper nichtöffentlich now, is withheld from an actor without
    /// clearance (clearance can be withdrawn after the answer was given), text and sources alike, and marked
    /// <see cref="ChatMessageRecord.Withheld"/> so it never goes back into a prompt.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessageRecord>> VisibleToAsync(Actor actor, IReadOnlyList<ChatMessageRecord> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(messages);
        if (actor.ClearedForNonPublic)
        {
            return messages;
        }

        var nonPublic = await NonPublicAmongAsync(messages.SelectMany(m => m.Citations.Select(c => c.DocumentId)), cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(m => m.Visibility != Visibility.Public || m.Citations.Any(c => nonPublic.Contains(c.DocumentId))
            ? m with { Text = m.Role == Drafting.ChatRole.User ? WithheldQuestion : WithheldAnswer, Citations = [], Withheld = true }
            : m)];
    }

    /// <summary>Audits the nichtöffentlich documents among cited ones (chat answers, drafts); looks their visibility up in the index.</summary>
    public async Task AuditCitedAsync(Actor actor, IEnumerable<string> documentIds, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(documentIds);
        if (!actor.ClearedForNonPublic)
        {
            return; // the filter never let anything non-public through for this actor
        }

        var nonPublic = await NonPublicAmongAsync(documentIds, cancellationToken).ConfigureAwait(false);
        await audit.RecordNonPublicAccessAsync(actor.UserName, nonPublic, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The nichtöffentlich documents among <paramref name="documentIds"/>, looked up once each in the index.</summary>
    private async Task<HashSet<string>> NonPublicAmongAsync(IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        var everything = new SearchFilter { IncludeNonPublic = true };
        var nonPublic = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in documentIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var document = await index.GetDocumentAsync(id, everything, cancellationToken).ConfigureAwait(false);
            if (document?.Visibility == Visibility.NonPublic)
            {
                nonPublic.Add(document.Id);
            }
        }

        return nonPublic;
    }

    private Task AuditNonPublicAsync(Actor actor, IEnumerable<Chunk> shown, string context, CancellationToken cancellationToken) =>
        audit.RecordNonPublicAccessAsync(actor.UserName, shown.Where(c => c.Visibility == Visibility.NonPublic).Select(c => c.DocumentId), context, cancellationToken);
}
