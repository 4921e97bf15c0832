using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Review;

/// <summary>One row of the inquiry list: status and progress (approved of total questions).</summary>
public sealed record InquirySummary
{
    public required string Id { get; init; }
    public string? Drucksache { get; init; }
    public required string Title { get; init; }
    public string? Committee { get; init; }

    /// <summary>The session the answer is due for: the deadline.</summary>
    public DateOnly? SessionDate { get; init; }
    public required Visibility Visibility { get; init; }
    public required int QuestionCount { get; init; }
    public required int ApprovedCount { get; init; }
    public required int DraftedCount { get; init; }
    public required int RejectedCount { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? ArchivedDocumentId { get; init; }

    public bool IsComplete => QuestionCount > 0 && ApprovedCount == QuestionCount;

    /// <summary>Overdue: the session date has passed and not every answer is approved.</summary>
    public bool IsOverdue(DateOnly today) => !IsComplete && SessionDate is { } due && due < today;

    /// <summary>The German status word shown in the list.</summary>
    public string StatusText => IsComplete ? "freigegeben"
        : RejectedCount > 0 ? "Nacharbeit"
        : DraftedCount == 0 ? "neu"
        : "in Prüfung";
}
