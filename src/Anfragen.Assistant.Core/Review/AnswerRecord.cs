using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>The current state of the answer to one question. <see cref="Version"/> guards concurrent edits.</summary>
public sealed record AnswerRecord
{
    public required string InquiryId { get; init; }
    public required int Number { get; init; }
    public required string Question { get; init; }
    public required AnswerStatus Status { get; init; }
    public required string Text { get; init; }
    public DraftMode? Mode { get; init; }

    /// <summary>Citations of the latest assistant draft; they stay with the answer through edits until the next draft.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<string> InvalidCitations { get; init; } = [];

    /// <summary>Row version for optimistic concurrency: every change increments it.</summary>
    public required int Version { get; init; }
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
