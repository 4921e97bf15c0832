using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>
/// One change to an answer row: the new status and, optionally, a new text. A new text is written as a version row
/// with its <see cref="Source"/>, note and citations, and its author becomes the answer's <see cref="AnswerRecord.TextBy"/>.
/// </summary>
public sealed record AnswerChange(AnswerStatus Status, string Author, DateTimeOffset At)
{
    public string? Text { get; init; }

    /// <summary>Where the new text comes from (only with <see cref="Text"/>).</summary>
    public DraftSource Source { get; init; } = DraftSource.Edit;

    /// <summary>The assistant's note with the new text; null clears it (only with <see cref="Text"/>).</summary>
    public string? Note { get; init; }

    /// <summary>Mode and citations of the new text when they change (a draft, a proposal taken over, a restored version).</summary>
    public DraftMode? Mode { get; init; }
    public IReadOnlyList<Citation>? Citations { get; init; }
    public IReadOnlyList<string>? InvalidCitations { get; init; }

    /// <summary>Drops the note without a new text (an approval strips the proposal's framing).</summary>
    public bool ClearNote { get; init; }

    /// <summary>Drops a proposal waiting beside the text (it was taken over, or the text it stood beside is replaced).</summary>
    public bool ClearProposal { get; init; }

    public static AnswerChange FromDraft(DraftAnswer draft, AnswerStatus status, string author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new AnswerChange(status, author, at)
        {
            Text = draft.Draft,
            Source = DraftSource.Draft,
            Note = draft.Note,
            Mode = draft.Mode,
            Citations = draft.Citations,
            InvalidCitations = draft.InvalidCitations,
            ClearProposal = true,
        };
    }
}
