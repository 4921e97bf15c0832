using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The review workflow and its rules. Staff (Sachbearbeitung) and reviewers bring in inquiries, request drafts and
/// edit; only reviewers (Fachbereichsleitung) approve or reject, and only they may reopen an approved answer.
/// A nichtöffentlich inquiry exists only for cleared users. Drafts for a public inquiry are written from public
/// sources only, whoever asks, because the Stellungnahme will be public.
/// </summary>
public sealed partial class ReviewService(
    InquiryStore store,
    AuditLog audit,
    DraftingService drafting,
    StellungnahmeArchiver archiver,
    ArchiveAccess archive,
    TimeProvider timeProvider,
    ILogger<ReviewService> logger)
{
    public async Task<InquiryResult> CreateInquiryAsync(Actor actor, Inquiry inquiry, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(inquiry);
        if (!CanWork(actor))
        {
            return new InquiryResult(ReviewOutcome.Forbidden, null, "Nur Sachbearbeitung und Fachbereichsleitung legen Anfragen an.");
        }

        if (inquiry.Questions.Count == 0)
        {
            return new InquiryResult(ReviewOutcome.Invalid, null, $"{sourceName}: keine Fragen gefunden.");
        }

        var visibility = inquiry.Visibility ?? Visibility.Public;
        if (visibility == Visibility.NonPublic && !actor.ClearedForNonPublic)
        {
            return new InquiryResult(ReviewOutcome.Forbidden, null, "Diese Anfrage ist nichtöffentlich; Sie sind dafür nicht freigeschaltet.");
        }

        var record = new InquiryRecord
        {
            Id = NewId(),
            Inquiry = inquiry,
            Visibility = visibility,
            SourceName = string.IsNullOrWhiteSpace(sourceName) ? "Eingabe" : sourceName,
            CreatedBy = actor.UserName,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        await store.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor.UserName, AuditActions.CreateInquiry, record.Id, record.Title, cancellationToken).ConfigureAwait(false);
        return new InquiryResult(ReviewOutcome.Success, record, null);
    }

    /// <summary>The inquiries this actor may see.</summary>
    public Task<IReadOnlyList<InquirySummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ListAsync(actor.ClearedForNonPublic, cancellationToken);
    }

    /// <summary>The inquiry, or null when absent or not visible to the actor (a non-public one is audited when opened).</summary>
    public async Task<InquiryRecord?> GetAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return null;
        }

        if (record.Visibility == Visibility.NonPublic)
        {
            await audit.RecordNonPublicAccessAsync(actor.UserName, [$"anfrage:{record.Id}"], "Anfrage geöffnet", cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    public async Task<IReadOnlyList<AnswerRecord>?> GetAnswersAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        return record is null || !MaySee(actor, record) ? null : await store.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AnswerVersion>?> GetVersionsAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        return record is null || !MaySee(actor, record) ? null : await store.GetVersionsAsync(inquiryId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReviewComment>?> GetCommentsAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        return record is null || !MaySee(actor, record) ? null : await store.GetCommentsAsync(inquiryId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The principal drafts for this inquiry are written with: cleared only for a nichtöffentlich inquiry
    /// (which only cleared users can open), so a public Stellungnahme never draws on nichtöffentlich papers.
    /// </summary>
    public static Principal DraftingPrincipal(Actor actor, InquiryRecord record)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(record);
        return new Principal(actor.UserName, actor.ClearedForNonPublic && record.Visibility == Visibility.NonPublic);
    }

    /// <summary>Drafts (or redrafts) one question, or every question without an approved answer when <paramref name="number"/> is null.</summary>
    public async Task<IReadOnlyList<ReviewResult>> DraftAsync(Actor actor, string inquiryId, int? number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return [ReviewResult.NotFound($"Anfrage {inquiryId} nicht gefunden.")];
        }

        if (!CanWork(actor))
        {
            return [ReviewResult.Forbidden("Nur Sachbearbeitung und Fachbereichsleitung fordern Entwürfe an.")];
        }

        var answers = await store.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        var targets = number is { } n
            ? answers.Where(a => a.Number == n).ToList()
            : answers.Where(a => a.Status != AnswerStatus.Approved).ToList();
        if (targets.Count == 0)
        {
            return [number is null ? ReviewResult.Invalid("Alle Antworten sind bereits freigegeben.") : ReviewResult.NotFound($"Frage {number} gibt es in dieser Anfrage nicht.")];
        }

        var principal = DraftingPrincipal(actor, record);
        var results = new List<ReviewResult>();
        foreach (var answer in targets)
        {
            if (answer.Status == AnswerStatus.Approved && !actor.IsReviewer)
            {
                results.Add(ReviewResult.Invalid($"Frage {answer.Number} ist bereits freigegeben; nur die Fachbereichsleitung kann sie wieder öffnen.", answer));
                continue;
            }

            var question = record.Inquiry.Questions.FirstOrDefault(q => q.Number == answer.Number) ?? new InquiryQuestion(answer.Number, answer.Question);
            var draft = await drafting.DraftQuestionAsync(record.Inquiry, question, principal, cancellationToken).ConfigureAwait(false);
            var change = new AnswerChange(AnswerStatus.Proposed, draft.Draft, draft, actor.UserName, timeProvider.GetUtcNow());
            var (updated, stored) = await store.UpdateAnswerAsync(inquiryId, answer.Number, null, change, cancellationToken).ConfigureAwait(false);
            results.Add(updated && stored is not null ? ReviewResult.Ok(stored) : ReviewResult.NotFound($"Frage {answer.Number} nicht gefunden."));
            await archive.AuditCitedAsync(actor, draft.Citations.Select(c => c.DocumentId), $"Entwurf {Target(inquiryId, answer.Number)}", cancellationToken).ConfigureAwait(false);
            LogDrafted(logger, inquiryId, answer.Number, draft.Mode, draft.Citations.Count, draft.ElapsedMs);
        }

        await audit.WriteAsync(actor.UserName, AuditActions.Draft, Target(inquiryId, number), $"{results.Count(r => r.Succeeded)} Entwürfe", cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Saves a person's text. <paramref name="expectedVersion"/> is the version the editor started from.</summary>
    public async Task<ReviewResult> EditAsync(Actor actor, string inquiryId, int number, string text, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(text);
        var (record, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWork(actor))
        {
            return ReviewResult.Forbidden("Nur Sachbearbeitung und Fachbereichsleitung bearbeiten Antworten.");
        }

        if (current!.Status == AnswerStatus.Approved && !actor.IsReviewer)
        {
            return ReviewResult.Invalid("Diese Antwort ist freigegeben; nur die Fachbereichsleitung kann sie wieder öffnen.", current);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReviewResult.Invalid("Der Antworttext ist leer.", current);
        }

        var change = new AnswerChange(AnswerStatus.Edited, text.Trim(), null, actor.UserName, timeProvider.GetUtcNow());
        var result = await ApplyAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.Edit, Target(record!.Id, number), $"Version {result.Answer!.Version}", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Approves the answer as the reviewer saw it (<paramref name="expectedVersion"/>); archives the Stellungnahme when it was the last one.</summary>
    public async Task<ReviewResult> ApproveAsync(Actor actor, string inquiryId, int number, int expectedVersion, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (record, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!actor.IsReviewer)
        {
            return ReviewResult.Forbidden("Nur die Fachbereichsleitung gibt Antworten frei.");
        }

        if (string.IsNullOrWhiteSpace(current!.Text))
        {
            return ReviewResult.Invalid("Eine leere Antwort kann nicht freigegeben werden.", current);
        }

        var now = timeProvider.GetUtcNow();
        var result = await ApplyAsync(inquiryId, number, expectedVersion, new AnswerChange(AnswerStatus.Approved, null, null, actor.UserName, now), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result;
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            await store.AddCommentAsync(inquiryId, new ReviewComment(number, actor.UserName, now, "freigegeben", comment.Trim()), cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor.UserName, AuditActions.Approve, Target(inquiryId, number), $"Version {result.Answer!.Version}", cancellationToken).ConfigureAwait(false);
        await ArchiveWhenCompleteAsync(actor, record!, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<ReviewResult> RejectAsync(Actor actor, string inquiryId, int number, int expectedVersion, string comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!actor.IsReviewer)
        {
            return ReviewResult.Forbidden("Nur die Fachbereichsleitung lehnt Antworten ab.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return ReviewResult.Invalid("Bitte begründen Sie die Ablehnung in einem Kommentar.", current);
        }

        var now = timeProvider.GetUtcNow();
        var result = await ApplyAsync(inquiryId, number, expectedVersion, new AnswerChange(AnswerStatus.Rejected, null, null, actor.UserName, now), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await store.AddCommentAsync(inquiryId, new ReviewComment(number, actor.UserName, now, "abgelehnt", comment.Trim()), cancellationToken).ConfigureAwait(false);
            await audit.WriteAsync(actor.UserName, AuditActions.Reject, Target(inquiryId, number), comment.Trim(), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The approved Stellungnahme for export, or null when the inquiry is not visible or not every answer is approved.</summary>
    public async Task<(InquiryRecord Inquiry, IReadOnlyList<AnswerRecord> Answers)?> GetApprovedStellungnahmeAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return null;
        }

        var answers = await store.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (answers.Count == 0 || answers.Any(a => a.Status != AnswerStatus.Approved))
        {
            return null;
        }

        await audit.WriteAsync(actor.UserName, AuditActions.Export, inquiryId, record.Title, cancellationToken).ConfigureAwait(false);
        return (record, answers);
    }

    private async Task ArchiveWhenCompleteAsync(Actor actor, InquiryRecord record, CancellationToken cancellationToken)
    {
        var answers = await store.GetAnswersAsync(record.Id, cancellationToken).ConfigureAwait(false);
        if (answers.Count == 0 || answers.Any(a => a.Status != AnswerStatus.Approved))
        {
            return;
        }

        var document = StellungnahmeComposer.ToSourceDocument(record, answers, DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime));
        var report = await archiver.ArchiveAsync(document, actor.UserName, cancellationToken).ConfigureAwait(false);
        if (report.Refused.Count > 0)
        {
            // The id belongs to another archived paper: the approval stands, the archive is not touched.
            var reason = report.Refused[0].Reason;
            await audit.WriteAsync(actor.UserName, AuditActions.Archive, document.Id, $"nicht archiviert: {reason}", cancellationToken).ConfigureAwait(false);
            LogArchiveRefused(logger, record.Id, document.Id, reason);
            return;
        }

        await store.SetArchivedDocumentAsync(record.Id, document.Id, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor.UserName, AuditActions.Archive, document.Id, record.Title, cancellationToken).ConfigureAwait(false);
        LogArchived(logger, record.Id, document.Id);
    }

    private async Task<ReviewResult> ApplyAsync(string inquiryId, int number, int expectedVersion, AnswerChange change, CancellationToken cancellationToken)
    {
        var (updated, answer) = await store.UpdateAnswerAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        return answer is null ? ReviewResult.NotFound($"Frage {number} nicht gefunden.")
            : updated ? ReviewResult.Ok(answer)
            : ReviewResult.Conflict(answer);
    }

    private async Task<(InquiryRecord? Record, AnswerRecord? Answer, ReviewResult? Denied)> LoadAsync(Actor actor, string inquiryId, int number, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return (null, null, ReviewResult.NotFound($"Anfrage {inquiryId} nicht gefunden."));
        }

        var answer = await store.GetAnswerAsync(inquiryId, number, cancellationToken).ConfigureAwait(false);
        return answer is null ? (record, null, ReviewResult.NotFound($"Frage {number} gibt es in dieser Anfrage nicht.")) : (record, answer, null);
    }

    private static bool MaySee(Actor actor, InquiryRecord record) => record.Visibility == Visibility.Public || actor.ClearedForNonPublic;

    private static bool CanWork(Actor actor) => actor.Roles.Contains(StaffRole.Sachbearbeitung) || actor.IsReviewer;

    private static string Target(string inquiryId, int? number) => number is { } n ? $"{inquiryId}/frage-{n}" : inquiryId;

    private string NewId() => $"{timeProvider.GetUtcNow():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Drafted {InquiryId} question {Number} ({Mode}, {CitationCount} citations, {ElapsedMs} ms)")]
    private static partial void LogDrafted(ILogger logger, string inquiryId, int number, DraftMode mode, int citationCount, long elapsedMs);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Inquiry {InquiryId} fully approved; Stellungnahme {DocumentId} added to the archive")]
    private static partial void LogArchived(ILogger logger, string inquiryId, string documentId);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Inquiry {InquiryId} fully approved; Stellungnahme {DocumentId} not archived: {Reason}")]
    private static partial void LogArchiveRefused(ILogger logger, string inquiryId, string documentId, string reason);
}
