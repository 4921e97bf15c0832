using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Review;

/// <summary>One row of the inquiry list: deadline, who is responsible, and how far its answers are.</summary>
public sealed record InquirySummary
{
    public required string Id { get; init; }
    public string? Drucksache { get; init; }
    public required string Title { get; init; }
    public string? Committee { get; init; }
    public DateOnly? SessionDate { get; init; }

    /// <summary>When the answer is due (see <see cref="InquiryRecord.Deadline"/>); the list is sorted by it.</summary>
    public DateOnly? Deadline { get; init; }
    public required Visibility Visibility { get; init; }
    public required int QuestionCount { get; init; }
    public required int ApprovedCount { get; init; }

    /// <summary>Answers drafted already (also those the drafter found nothing for) or worked on.</summary>
    public required int DraftedCount { get; init; }
    public required int RejectedCount { get; init; }
    public int SubmittedCount { get; init; }
    public int EditedCount { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? ArchivedDocumentId { get; init; }
    public Assignment? Assignee { get; init; }

    /// <summary>Assignments of single questions.</summary>
    public IReadOnlyList<Assignment> QuestionAssignees { get; init; } = [];

    public bool IsComplete => QuestionCount > 0 && ApprovedCount == QuestionCount;

    /// <summary>Overdue: the deadline has passed (by the office's date) and not every answer is approved.</summary>
    public bool IsOverdue(DateOnly today) => !IsComplete && Deadline is { } due && due < today;

    /// <summary>Something waits for a reviewer.</summary>
    public bool AwaitsReview => SubmittedCount > 0;

    /// <summary>Assigned to this actor or the actor's Fachbereich, as a whole or by one of its questions.</summary>
    public bool ConcernsActor(Actor actor) => (Assignee?.Concerns(actor) ?? false) || QuestionAssignees.Any(a => a.Concerns(actor));

    /// <summary>
    /// The German status word shown in the list, the least advanced state that holds: freigegeben when every answer is,
    /// zurückgegeben when a reviewer returned one, zur Prüfung eingereicht when every open answer waits for review,
    /// in Bearbeitung once a person worked on one, Entwurf while only the assistant's drafts are there, neu before that.
    /// </summary>
    public string StatusText
    {
        get
        {
            var notApproved = QuestionCount - ApprovedCount;
            return IsComplete ? "freigegeben"
                : RejectedCount > 0 ? "zurückgegeben"
                : SubmittedCount > 0 && SubmittedCount == notApproved ? "zur Prüfung eingereicht"
                : EditedCount > 0 || SubmittedCount > 0 || ApprovedCount > 0 ? "in Bearbeitung"
                : DraftedCount > 0 ? "Entwurf"
                : "neu";
        }
    }
}
