using System.Globalization;
using Anfragen.Assistant.Inquiries;

namespace Anfragen.Assistant.Review;

public sealed partial class ReviewService
{
    /// <summary>
    /// Drafts (or redrafts) one question, or every question without an approved answer when <paramref name="number"/> is
    /// null. Where a person's text stands, the new draft is kept beside it as a proposal (<see cref="AnswerRecord.Proposal"/>);
    /// it replaces only an empty answer or the assistant's own untouched draft.
    /// </summary>
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

        var all = await answers.GetAnswersAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        var targets = number is { } n
            ? all.Where(a => a.Number == n).ToList()
            : all.Where(a => a.Status != AnswerStatus.Approved).ToList();
        if (targets.Count == 0)
        {
            return [number is null ? ReviewResult.Invalid("Alle Antworten sind bereits freigegeben.") : ReviewResult.NotFound($"Frage {number} gibt es in dieser Anfrage nicht.")];
        }

        // The inquiry as stored, with its visibility: DraftingService keeps a public one to public sources.
        var inquiry = record.Inquiry with { Visibility = record.Visibility };
        var principal = actor.ToPrincipal();
        var results = new List<ReviewResult>();
        int drafted = 0, proposed = 0;
        foreach (var answer in targets)
        {
            if (answer.Status == AnswerStatus.Approved && !actor.IsReviewer)
            {
                results.Add(ReviewResult.Invalid($"Frage {answer.Number} ist bereits freigegeben; nur die Fachbereichsleitung kann sie wieder öffnen.", answer));
                continue;
            }

            var question = inquiry.Questions.FirstOrDefault(q => q.Number == answer.Number) ?? new InquiryQuestion(answer.Number, answer.Question);
            var draft = await drafting.DraftQuestionAsync(inquiry, question, principal, cancellationToken).ConfigureAwait(false);
            var (result, besideText) = await StoreDraftAsync(actor, answer, draft, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            proposed += result.Succeeded && besideText ? 1 : 0;
            drafted += result.Succeeded && !besideText ? 1 : 0;
            await archive.AuditCitedAsync(actor, draft.Citations.Select(c => c.DocumentId), $"Entwurf {Target(inquiryId, answer.Number)}", cancellationToken).ConfigureAwait(false);
            LogDrafted(logger, inquiryId, answer.Number, draft.Mode, draft.Citations.Count, draft.ElapsedMs);
        }

        await audit.WriteAsync(actor.UserName, AuditActions.Draft, Target(inquiryId, number), Count(drafted, "Entwurf erstellt", "Entwürfe erstellt") + (proposed > 0 ? $", {Count(proposed, "neuer Vorschlag", "neue Vorschläge")} neben bearbeitetem Text" : string.Empty), cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Takes the proposal waiting beside the text over as the answer (the replaced text stays in the version history).</summary>
    public async Task<ReviewResult> AcceptProposalAsync(Actor actor, string inquiryId, int number, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (_, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWork(actor))
        {
            return ReviewResult.Forbidden("Nur Sachbearbeitung und Fachbereichsleitung übernehmen Vorschläge.");
        }

        if (current!.Proposal is not { } proposal)
        {
            return ReviewResult.Invalid($"Zu Frage {number} liegt kein neuer Vorschlag vor.", current);
        }

        if (current.Status == AnswerStatus.Approved && !actor.IsReviewer)
        {
            return ReviewResult.Invalid("Diese Antwort ist freigegeben; nur die Fachbereichsleitung kann sie wieder öffnen.", current);
        }

        var change = new AnswerChange(AnswerStatus.Proposed, actor.UserName, timeProvider.GetUtcNow())
        {
            Text = proposal.Text,
            Source = DraftSource.Draft,
            Note = proposal.Note,
            Mode = proposal.Mode,
            Citations = proposal.Citations,
            InvalidCitations = proposal.InvalidCitations,
            ClearProposal = true,
        };
        var result = await ApplyAsync(inquiryId, number, expectedVersion, change, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.Proposal, Target(inquiryId, number), "Vorschlag übernommen", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Discards the proposal waiting beside the text; the text stays as it is.</summary>
    public async Task<ReviewResult> DiscardProposalAsync(Actor actor, string inquiryId, int number, CancellationToken cancellationToken = default)
    {
        var (_, current, denied) = await LoadAsync(actor, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWork(actor))
        {
            return ReviewResult.Forbidden("Nur Sachbearbeitung und Fachbereichsleitung verwerfen Vorschläge.");
        }

        await answers.SetProposalAsync(inquiryId, number, null, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor.UserName, AuditActions.Proposal, Target(inquiryId, number), "Vorschlag verworfen", cancellationToken).ConfigureAwait(false);
        return ReviewResult.Ok(current! with { Proposal = null });
    }

    private async Task<(ReviewResult Result, bool BesideText)> StoreDraftAsync(Actor actor, AnswerRecord answer, Drafting.DraftAnswer draft, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!HoldsPersonsText(answer))
        {
            if (answer.Mode is not null && draft.Draft == answer.Text && draft.Note == answer.Note)
            {
                return (ReviewResult.Ok(answer, $"Frage {answer.Number}: Der neue Entwurf ist derselbe wie der bisherige."), false);
            }

            // Compare-and-set on the version read before drafting: a person who saved meanwhile keeps their text.
            // Nothing found: the answer stays open (the Fachbereich must supply it), with the note saying so.
            var status = string.IsNullOrWhiteSpace(draft.Draft) ? AnswerStatus.Open : AnswerStatus.Proposed;
            var change = AnswerChange.FromDraft(draft, status, actor.UserName, now);
            var (updated, stored) = await answers.UpdateAnswerAsync(answer.InquiryId, answer.Number, answer.Version, change, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return (ReviewResult.NotFound($"Frage {answer.Number} nicht gefunden."), false);
            }

            if (updated)
            {
                return (ReviewResult.Ok(stored), false);
            }

            answer = stored;
        }

        if (draft.Draft == answer.Text)
        {
            return (ReviewResult.Ok(answer, $"Frage {answer.Number}: Der neue Entwurf entspricht dem vorhandenen Text."), false);
        }

        var proposal = ProposalDraft.From(draft, actor.UserName, now);
        await answers.SetProposalAsync(answer.InquiryId, answer.Number, proposal, cancellationToken).ConfigureAwait(false);
        return (ReviewResult.Ok(
            answer with { Proposal = proposal },
            $"Frage {answer.Number}: Der neue Entwurf steht als Vorschlag neben Ihrem Text; der Text bleibt, bis Sie den Vorschlag übernehmen."), true);
    }

    // A text a person typed or restored (also when it is submitted, returned or approved).
    private static bool HoldsPersonsText(AnswerRecord answer) => answer.TextSource != DraftSource.Draft && !string.IsNullOrWhiteSpace(answer.Text);

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{n} {many}");
}
