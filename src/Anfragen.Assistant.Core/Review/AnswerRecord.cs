using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>The current state of the answer to one question. <see cref="Version"/> guards concurrent edits.</summary>
public sealed record AnswerRecord
{
    public required string InquiryId { get; init; }
    public required int Number { get; init; }
    public required string Question { get; init; }
    public required AnswerStatus Status { get; init; }

    /// <summary>The answer text alone, as it goes into the letter (before citation markers become references).</summary>
    public required string Text { get; init; }
    public DraftMode? Mode { get; init; }

    /// <summary>The assistant's note on how the current text came about; only while it is an untouched proposal. Never exported.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the current text is the assistant's, a person's, or a restored version.</summary>
    public DraftSource TextSource { get; init; }

    /// <summary>Who last put the current text in (typed it, restored it, took a proposal over, requested the draft): the four-eyes rule keys on this.</summary>
    public string? TextBy { get; init; }

    /// <summary>A new draft waiting beside a person's text, or null.</summary>
    public ProposalDraft? Proposal { get; init; }

    /// <summary>The person or Fachbereich this question is assigned to, or null.</summary>
    public Assignment? Assignee { get; init; }

    /// <summary>Citations of the latest assistant draft; they stay with the answer through edits until the next draft.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<string> InvalidCitations { get; init; } = [];

    /// <summary>Row version for optimistic concurrency: every change of text or status increments it.</summary>
    public required int Version { get; init; }
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The text is the assistant's proposal, unchanged by anyone: approving it needs an explicit confirmation.</summary>
    public bool IsUntouchedProposal => TextSource == DraftSource.Draft && !string.IsNullOrWhiteSpace(Text);

    /// <summary>States a person can submit from (a text must be there).</summary>
    public bool CanBeSubmitted => (Status is AnswerStatus.Proposed or AnswerStatus.Edited or AnswerStatus.Rejected) && !string.IsNullOrWhiteSpace(Text);
}
