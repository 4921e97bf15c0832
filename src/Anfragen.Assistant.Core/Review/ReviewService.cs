using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Review.Export;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The review workflow and its rules, for pages and API alike. Staff (Sachbearbeitung) and reviewers bring in
/// inquiries, request drafts, edit and submit; only reviewers (Fachbereichsleitung) approve or return a submitted answer,
/// and — four-eyes rule, <see cref="ReviewOptions.FourEyes"/> — never one whose text they put in last. A person's text is
/// never replaced by a new draft: that draft waits beside it. A nichtöffentlich inquiry exists only for cleared users.
/// Drafts for a public inquiry are written from public sources only, whoever asks, because the Stellungnahme will be public.
/// </summary>
public sealed partial class ReviewService(
    InquiryStore store,
    AnswerStore answers,
    AuditLog audit,
    DraftingService drafting,
    StellungnahmeArchiver archiver,
    StellungnahmeExport export,
    ArchiveAccess archive,
    IOptions<ReviewOptions> options,
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
        return new InquiryResult(ReviewOutcome.Success, await store.GetAsync(record.Id, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>The inquiries this actor may see, due soonest first: all, those assigned to them or their Fachbereich, or those awaiting review.</summary>
    public async Task<IReadOnlyList<InquirySummary>> ListAsync(Actor actor, InquiryView view = InquiryView.All, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = await store.ListAsync(actor.ClearedForNonPublic, cancellationToken).ConfigureAwait(false);
        return view switch
        {
            InquiryView.Mine => [.. all.Where(i => i.ConcernsActor(actor))],
            InquiryView.ForReview => [.. all.Where(i => i.AwaitsReview)],
            _ => all,
        };
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

    public async Task<IReadOnlyList<AnswerRecord>?> GetAnswersAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default) =>
        await VisibleAsync(actor, inquiryId, cancellationToken).ConfigureAwait(false) ? await answers.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false) : null;

    public async Task<IReadOnlyList<AnswerVersion>?> GetVersionsAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default) =>
        await VisibleAsync(actor, inquiryId, cancellationToken).ConfigureAwait(false) ? await answers.GetVersionsAsync(inquiryId, cancellationToken).ConfigureAwait(false) : null;

    public async Task<IReadOnlyList<ReviewComment>?> GetCommentsAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default) =>
        await VisibleAsync(actor, inquiryId, cancellationToken).ConfigureAwait(false) ? await answers.GetCommentsAsync(inquiryId, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Whether the four-eyes rule keeps this actor from approving the answer (they put its text in last).</summary>
    public bool FourEyesForbids(Actor actor, AnswerRecord answer)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answer);
        return options.Value.FourEyes && string.Equals(answer.TextBy, actor.UserName, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<ReviewResult> ApplyAsync(string inquiryId, int number, int? expectedVersion, AnswerChange change, CancellationToken cancellationToken)
    {
        var (updated, answer) = await answers.UpdateAnswerAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        return answer is null ? ReviewResult.NotFound($"Frage {number} nicht gefunden.")
            : updated ? ReviewResult.Ok(answer)
            : ReviewResult.Conflict(answer);
    }

    private async Task<(InquiryRecord? Record, AnswerRecord? Answer, ReviewResult? Denied)> LoadAsync(Actor actor, string inquiryId, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return (null, null, ReviewResult.NotFound($"Anfrage {inquiryId} nicht gefunden."));
        }

        var answer = await answers.GetAnswerAsync(inquiryId, number, cancellationToken).ConfigureAwait(false);
        return answer is null ? (record, null, ReviewResult.NotFound($"Frage {number} gibt es in dieser Anfrage nicht.")) : (record, answer, null);
    }

    private async Task<bool> VisibleAsync(Actor actor, string inquiryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        return record is not null && MaySee(actor, record);
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

/// <summary>Which inquiries the list shows.</summary>
public enum InquiryView
{
    All = 0,

    /// <summary>"Meine Anfragen": assigned to me or my Fachbereich, as a whole or by one of their questions.</summary>
    Mine,

    /// <summary>With answers submitted for review.</summary>
    ForReview,
}
