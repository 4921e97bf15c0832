using System.Text.RegularExpressions;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The audit log in words people read: "Anfrage angelegt", "3 Entwürfe erstellt", and the inquiry's title with the
/// question instead of "20260501-1a2b3c4d/frage-2"; a document by its title where the reader may see it. The stored
/// entries stay as written (stable action keys), so older logs read the same way.
/// </summary>
public sealed partial class AuditDescriber(InquiryStore inquiries, IKnowledgeIndex index)
{
    public async Task<IReadOnlyList<AuditLine>> DescribeAsync(Actor reader, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(entries);
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lines = new List<AuditLine>(entries.Count);
        foreach (var entry in entries)
        {
            var about = await AboutAsync(reader, entry, titles, cancellationToken).ConfigureAwait(false);
            lines.Add(new AuditLine(entry.At, entry.UserName, What(entry), about, Detail(entry)));
        }

        return lines;
    }

    /// <summary>The German words for an action key (the Administration page's filter uses them too).</summary>
    public static string ActionName(string action) => action switch
    {
        AuditActions.CreateInquiry => "Anfrage angelegt",
        AuditActions.Draft => "Entwürfe erstellt",
        AuditActions.Edit => "Antwort bearbeitet",
        AuditActions.Restore => "Fassung wiederhergestellt",
        AuditActions.Proposal => "Vorschlag übernommen oder verworfen",
        AuditActions.Submit => "Zur Prüfung eingereicht",
        AuditActions.Approve => "Antwort freigegeben",
        AuditActions.Reject => "Antwort zurückgegeben",
        AuditActions.Assign => "Zuweisung geändert",
        AuditActions.Deadline => "Frist geändert",
        AuditActions.Archive => "Stellungnahme ins Archiv übernommen",
        AuditActions.Export => "Stellungnahme angezeigt oder exportiert",
        AuditActions.NonPublicAccess => "Nichtöffentliches Dokument angezeigt",
        AuditActions.ClearanceChanged => "Freischaltung für nichtöffentliche Dokumente geändert",
        AuditActions.Ingest => "Dateien ins Archiv aufgenommen",
        _ => action,
    };

    private static string What(AuditEntry entry) => entry.Action switch
    {
        // "3 Entwürfe erstellt" (older entries: "3 Entwürfe").
        AuditActions.Draft when entry.Detail is { Length: > 0 } d => d.Contains("erstellt", StringComparison.Ordinal) ? d : $"{d} erstellt",
        AuditActions.Proposal when entry.Detail is { Length: > 0 } d => d,
        AuditActions.Assign when entry.Detail is { Length: > 0 } d => d == "Zuweisung aufgehoben" ? d : $"Zugewiesen an {d}",
        AuditActions.Deadline when entry.Detail is { Length: > 0 } d => d.StartsWith("aus", StringComparison.Ordinal) ? "Frist wieder aus dem Sitzungstermin" : $"Frist auf {d} gesetzt",
        AuditActions.ClearanceChanged => entry.Detail == "entzogen" ? "Freischaltung für nichtöffentliche Dokumente entzogen" : "Für nichtöffentliche Dokumente freigeschaltet",
        _ => ActionName(entry.Action),
    };

    // The detail is already in the words above for these; for the others it says more (version, reason, context).
    private static string? Detail(AuditEntry entry) => entry.Action switch
    {
        AuditActions.Draft or AuditActions.Proposal or AuditActions.Assign or AuditActions.Deadline or AuditActions.ClearanceChanged or AuditActions.CreateInquiry
            or AuditActions.Archive or AuditActions.Export => null,
        _ => entry.Detail,
    };

    private async Task<string> AboutAsync(Actor reader, AuditEntry entry, Dictionary<string, string?> titles, CancellationToken cancellationToken)
    {
        var target = entry.Target;
        var inquiry = InquiryTarget().Match(target);
        if (inquiry.Success)
        {
            var id = inquiry.Groups["id"].Value;
            if (!titles.TryGetValue(id, out var title))
            {
                var record = await inquiries.GetAsync(id, cancellationToken).ConfigureAwait(false);
                title = record is null || (record.Visibility == Documents.Visibility.NonPublic && !reader.ClearedForNonPublic) ? null : record.Title;
                titles[id] = title;
            }

            if (title is not null)
            {
                var question = inquiry.Groups["n"].Success ? $", Frage {inquiry.Groups["n"].Value}" : string.Empty;
                return $"Anfrage „{title}“{question}";
            }

            return target;
        }

        if (entry.Action is AuditActions.NonPublicAccess or AuditActions.Archive)
        {
            var document = await index.GetDocumentAsync(target, SearchFilter.For(reader.ToPrincipal()), cancellationToken).ConfigureAwait(false);
            return document is null ? target : $"„{document.Title}“ ({document.Id})";
        }

        return target;
    }

    // "20260501-1a2b3c4d", "20260501-1a2b3c4d/frage-2", "anfrage:20260501-1a2b3c4d" (an opened nichtöffentlich inquiry).
    [GeneratedRegex(@"^(?:anfrage:)?(?<id>\d{8}-[0-9a-f]{8})(?:/frage-(?<n>\d+))?$")]
    private static partial Regex InquiryTarget();
}

/// <summary>One audit entry as the Administration page shows it.</summary>
public sealed record AuditLine(DateTimeOffset At, string UserName, string What, string About, string? Detail);
