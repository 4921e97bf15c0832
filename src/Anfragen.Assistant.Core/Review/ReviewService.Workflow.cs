using Anfragen.Assistant.Review.Export;

namespace Anfragen.Assistant.Review;

public sealed partial class ReviewService
{
    /// <summary>
    /// Saves a person's text (<paramref name="expectedVersion"/>: the version the editor started from). The answer is then
    /// "in Bearbeitung" and must be submitted again; a proposal waiting beside it stays.
    /// </summary>
    public async Task<ReviewResult> EditAsync(Actor actor, string inquiryId, int number, string text, int expectedVersion, CancellationToken cancellationToken = default)
    {
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

        if (expectedVersion == current.Version && text.Trim() == current.Text && current.TextSource != DraftSource.Draft)
        {
            return ReviewResult.Ok(current, "Keine Änderung am Text.");
        }

        var change = new AnswerChange(AnswerStatus.Edited, actor.UserName, timeProvider.GetUtcNow()) { Text = text.Trim(), Source = DraftSource.Edit };
        var result = await ApplyAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.Edit, Target(record!.Id, number), $"Version {result.Answer!.Version}", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Brings an earlier version's text (and the citations its markers pointed to) back as a new version.</summary>
    public async Task<ReviewResult> RestoreAsync(Actor actor, string inquiryId, int number, int version, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (_, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWork(actor))
        {
            return ReviewResult.Forbidden("Nur Sachbearbeitung und Fachbereichsleitung stellen Fassungen wieder her.");
        }

        if (current!.Status == AnswerStatus.Approved && !actor.IsReviewer)
        {
            return ReviewResult.Invalid("Diese Antwort ist freigegeben; nur die Fachbereichsleitung kann sie wieder öffnen.", current);
        }

        var saved = (await answers.GetVersionsAsync(inquiryId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.Number == number && v.Version == version);
        if (saved is null)
        {
            return ReviewResult.NotFound($"Frage {number} hat keine Version {version}.");
        }

        var change = new AnswerChange(AnswerStatus.Edited, actor.UserName, timeProvider.GetUtcNow())
        {
            Text = saved.Text,
            Source = DraftSource.Restore,
            Citations = saved.Citations,
        };
        var result = await ApplyAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.Restore, Target(inquiryId, number), $"Version {version} als Version {result.Answer!.Version}", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Submits one answer for review, in the version the person saw.</summary>
    public async Task<ReviewResult> SubmitAsync(Actor actor, string inquiryId, int number, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (_, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        return denied ?? await SubmitAsync(actor, current!, expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits every answer that has a text and is not yet submitted or approved; one result per such answer.</summary>
    public async Task<IReadOnlyList<ReviewResult>> SubmitAllAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await VisibleAsync(actor, inquiryId, cancellationToken).ConfigureAwait(false))
        {
            return [ReviewResult.NotFound($"Anfrage {inquiryId} nicht gefunden.")];
        }

        var all = await answers.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        var results = new List<ReviewResult>();
        foreach (var answer in all.Where(a => a.Status is not AnswerStatus.Submitted and not AnswerStatus.Approved))
        {
            results.Add(answer.CanBeSubmitted
                ? await SubmitAsync(actor, answer, answer.Version, cancellationToken).ConfigureAwait(false)
                : ReviewResult.Invalid($"Frage {answer.Number} hat noch keinen Antworttext und bleibt offen.", answer));
        }

        return results.Count > 0 ? results : [ReviewResult.Invalid("Es gibt nichts einzureichen: alle Antworten sind eingereicht oder freigegeben.")];
    }

    /// <summary>
    /// Approves a submitted answer as the reviewer saw it (<paramref name="expectedVersion"/>). The four-eyes rule forbids it
    /// to whoever put the text in last; an untouched proposal of the assistant needs <paramref name="confirmUntouched"/>. The
    /// last approval archives the Stellungnahme.
    /// </summary>
    public async Task<ReviewResult> ApproveAsync(
        Actor actor, string inquiryId, int number, int expectedVersion, string? comment, bool confirmUntouched = false, CancellationToken cancellationToken = default)
    {
        var (record, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!actor.IsReviewer)
        {
            return ReviewResult.Forbidden("Nur die Fachbereichsleitung gibt Antworten frei.");
        }

        if (current!.Version != expectedVersion)
        {
            return ReviewResult.Conflict(current);
        }

        if (current.Status != AnswerStatus.Submitted)
        {
            return ReviewResult.Invalid($"Frage {number} ist {current.Status.ToGerman()}, nicht zur Prüfung eingereicht; freigegeben wird nur, was eingereicht ist.", current);
        }

        if (FourEyesForbids(actor, current))
        {
            return ReviewResult.Forbidden($"Vier-Augen-Prinzip: Sie haben den Text von Frage {number} zuletzt eingebracht; freigeben muss ihn eine andere Person der Fachbereichsleitung.");
        }

        if (string.IsNullOrWhiteSpace(current.Text))
        {
            return ReviewResult.Invalid("Eine leere Antwort kann nicht freigegeben werden.", current);
        }

        if (AssistantNotes.FindIn(current.Text) is { } note)
        {
            return ReviewResult.Invalid(AssistantNotes.Refusal(number, note), current);
        }

        if (current.IsUntouchedProposal && !confirmUntouched)
        {
            return ReviewResult.Invalid($"Frage {number} ist der unveränderte Vorschlag des Assistenten. Bitte die Freigabe ausdrücklich bestätigen (confirmUntouched).", current);
        }

        var now = timeProvider.GetUtcNow();
        var change = new AnswerChange(AnswerStatus.Approved, actor.UserName, now) { ClearNote = true, ClearProposal = true };
        var result = await ApplyAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result;
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            await answers.AddCommentAsync(inquiryId, new ReviewComment(number, actor.UserName, now, "freigegeben", comment.Trim()), cancellationToken).ConfigureAwait(false);
        }

        var detail = current.IsUntouchedProposal ? $"Version {result.Answer!.Version}, unveränderter Vorschlag bestätigt" : $"Version {result.Answer!.Version}";
        await audit.WriteAsync(actor.UserName, AuditActions.Approve, Target(inquiryId, number), detail, cancellationToken).ConfigureAwait(false);
        await ArchiveWhenCompleteAsync(actor, record!, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Returns a submitted (or approved) answer to its author with a comment, which is required.</summary>
    public async Task<ReviewResult> RejectAsync(Actor actor, string inquiryId, int number, int expectedVersion, string comment, CancellationToken cancellationToken = default)
    {
        var (_, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!actor.IsReviewer)
        {
            return ReviewResult.Forbidden("Nur die Fachbereichsleitung gibt Antworten zurück.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return ReviewResult.Invalid("Bitte begründen Sie die Rückgabe in einem Kommentar.", current);
        }

        if (current!.Status is not (AnswerStatus.Submitted or AnswerStatus.Approved))
        {
            return ReviewResult.Invalid($"Frage {number} ist {current.Status.ToGerman()}; zurückgegeben wird, was zur Prüfung eingereicht oder freigegeben ist.", current);
        }

        var now = timeProvider.GetUtcNow();
        var result = await ApplyAsync(inquiryId, number, expectedVersion, new AnswerChange(AnswerStatus.Rejected, actor.UserName, now), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await answers.AddCommentAsync(inquiryId, new ReviewComment(number, actor.UserName, now, "zurückgegeben", comment.Trim()), cancellationToken).ConfigureAwait(false);
            await audit.WriteAsync(actor.UserName, AuditActions.Reject, Target(inquiryId, number), comment.Trim(), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The approved Stellungnahme for export, or null when the inquiry is not visible or not every answer is approved.</summary>
    public async Task<(InquiryRecord Inquiry, StellungnahmeLetter Letter)?> GetApprovedStellungnahmeAsync(Actor actor, string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (record is null || !MaySee(actor, record))
        {
            return null;
        }

        var all = await answers.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0 || all.Any(a => a.Status != AnswerStatus.Approved))
        {
            return null;
        }

        await audit.WriteAsync(actor.UserName, AuditActions.Export, inquiryId, record.Title, cancellationToken).ConfigureAwait(false);
        return (record, export.Compose(record, all));
    }

    private async Task<ReviewResult> SubmitAsync(Actor actor, AnswerRecord current, int expectedVersion, CancellationToken cancellationToken)
    {
        if (!CanWork(actor))
        {
            return ReviewResult.Forbidden("Nur Sachbearbeitung und Fachbereichsleitung reichen Antworten ein.");
        }

        if (!current.CanBeSubmitted)
        {
            return ReviewResult.Invalid(string.IsNullOrWhiteSpace(current.Text)
                ? $"Frage {current.Number} hat noch keinen Antworttext."
                : $"Frage {current.Number} ist {current.Status.ToGerman()}.", current);
        }

        if (AssistantNotes.FindIn(current.Text) is { } note)
        {
            return ReviewResult.Invalid(AssistantNotes.Refusal(current.Number, note), current);
        }

        var result = await ApplyAsync(current.InquiryId, current.Number, expectedVersion, new AnswerChange(AnswerStatus.Submitted, actor.UserName, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.Submit, Target(current.InquiryId, current.Number), $"Version {result.Answer!.Version}", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task ArchiveWhenCompleteAsync(Actor actor, InquiryRecord record, CancellationToken cancellationToken)
    {
        var all = await answers.GetAnswersAsync(record.Id, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0 || all.Any(a => a.Status != AnswerStatus.Approved))
        {
            return;
        }

        var document = StellungnahmeExport.ToArchive(record, export.Compose(record, all));
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
}
