using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>
/// A new assistant draft kept beside a person's text instead of replacing it ("Neu entwerfen" on an edited answer):
/// the person takes it over or discards it.
/// </summary>
public sealed record ProposalDraft
{
    public required string Text { get; init; }
    public string? Note { get; init; }
    public required DraftMode Mode { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<string> InvalidCitations { get; init; } = [];
    public required string RequestedBy { get; init; }
    public required DateTimeOffset At { get; init; }

    public static ProposalDraft From(DraftAnswer draft, string requestedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new ProposalDraft
        {
            Text = draft.Draft,
            Note = draft.Note,
            Mode = draft.Mode,
            Citations = draft.Citations,
            InvalidCitations = draft.InvalidCitations,
            RequestedBy = requestedBy,
            At = at,
        };
    }
}
