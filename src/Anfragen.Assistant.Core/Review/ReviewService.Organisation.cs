using System.Globalization;

namespace Anfragen.Assistant.Review;

public sealed partial class ReviewService
{
    private const int MaxAssigneeLength = 200;

    /// <summary>Assigns the inquiry (<paramref name="number"/> null) or one question to a person or a Fachbereich; null removes the assignment.</summary>
    public async Task<InquiryResult> AssignAsync(Actor actor, string inquiryId, int? number, Assignment? assignee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return new InquiryResult(ReviewOutcome.NotFound, null, $"Anfrage {inquiryId} nicht gefunden.");
        }

        if (!CanWork(actor))
        {
            return new InquiryResult(ReviewOutcome.Forbidden, null, "Nur Sachbearbeitung und Fachbereichsleitung weisen Anfragen zu.");
        }

        if (assignee is not null)
        {
            var name = assignee.Name?.Trim() ?? string.Empty;
            if (name.Length == 0 || name.Length > MaxAssigneeLength || !Enum.IsDefined(assignee.Kind))
            {
                return new InquiryResult(ReviewOutcome.Invalid, record, $"Bitte eine Person oder einen Fachbereich angeben (höchstens {MaxAssigneeLength} Zeichen).");
            }

            assignee = assignee with { Name = name };
        }

        if (number is { } n)
        {
            if (await answers.GetAnswerAsync(inquiryId, n, cancellationToken).ConfigureAwait(false) is null)
            {
                return new InquiryResult(ReviewOutcome.NotFound, record, $"Frage {n} gibt es in dieser Anfrage nicht.");
            }

            await answers.SetAssigneeAsync(inquiryId, n, assignee, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.SetAssigneeAsync(inquiryId, assignee, cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor.UserName, AuditActions.Assign, Target(inquiryId, number), assignee?.Label ?? "Zuweisung aufgehoben", cancellationToken).ConfigureAwait(false);
        return new InquiryResult(ReviewOutcome.Success, await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Sets the deadline by hand, or (null) returns to the one derived from the session date.</summary>
    public async Task<InquiryResult> SetDeadlineAsync(Actor actor, string inquiryId, DateOnly? deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return new InquiryResult(ReviewOutcome.NotFound, null, $"Anfrage {inquiryId} nicht gefunden.");
        }

        if (!CanWork(actor))
        {
            return new InquiryResult(ReviewOutcome.Forbidden, null, "Nur Sachbearbeitung und Fachbereichsleitung setzen Fristen.");
        }

        await store.SetDeadlineAsync(inquiryId, deadline, cancellationToken).ConfigureAwait(false);
        var detail = deadline is { } d ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "aus dem Sitzungstermin";
        await audit.WriteAsync(actor.UserName, AuditActions.Deadline, inquiryId, detail, cancellationToken).ConfigureAwait(false);
        return new InquiryResult(ReviewOutcome.Success, await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>People and Fachbereiche that occur in the app state, offered when assigning.</summary>
    public Task<IReadOnlyList<Assignment>> KnownAssigneesAsync(CancellationToken cancellationToken = default) => store.KnownAssigneesAsync(cancellationToken);

    /// <summary>
    /// The version of each answer the actor saw last, then records the current versions as seen: the caller shows what
    /// changed since then (nothing on a first visit).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> TakeSeenAsync(Actor actor, string inquiryId, IReadOnlyList<AnswerRecord> current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(current);
        if (!await VisibleAsync(actor, inquiryId, cancellationToken).ConfigureAwait(false))
        {
            return new Dictionary<int, int>();
        }

        var seen = await answers.GetSeenAsync(inquiryId, actor.UserName, cancellationToken).ConfigureAwait(false);
        var changed = current.Where(a => !seen.TryGetValue(a.Number, out var v) || v != a.Version).Select(a => (a.Number, a.Version)).ToList();
        if (changed.Count > 0)
        {
            await answers.MarkSeenAsync(inquiryId, actor.UserName, changed, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return seen;
    }

    /// <summary>What changed in an answer's text between two of its versions (word by word).</summary>
    public async Task<IReadOnlyList<DiffSegment>?> CompareAsync(Actor actor, string inquiryId, int number, int fromVersion, int toVersion, CancellationToken cancellationToken = default)
    {
        var versions = await GetVersionsAsync(actor, inquiryId, cancellationToken).ConfigureAwait(false);
        var from = versions?.FirstOrDefault(v => v.Number == number && v.Version == fromVersion);
        var to = versions?.FirstOrDefault(v => v.Number == number && v.Version == toVersion);
        return from is null || to is null ? null : TextDiff.Compare(from.Text, to.Text);
    }
}
