using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;

namespace Anfragen.Assistant.Review;

/// <summary>An inquiry held by the app: the parsed <see cref="Inquiry"/> and who brought it in.</summary>
public sealed record InquiryRecord
{
    /// <summary>The app's own key (URL-safe); independent of the Drucksache number, which may be absent.</summary>
    public required string Id { get; init; }
    public required Inquiry Inquiry { get; init; }
    public required Visibility Visibility { get; init; }
    public required string SourceName { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The archive id of the approved Stellungnahme once it was added to the archive.</summary>
    public string? ArchivedDocumentId { get; init; }

    /// <summary>When the answer is due: set by a person, else the session date less the lead time (<see cref="ReviewOptions.DeadlineLeadDays"/>).</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>The deadline was set by a person rather than derived from the session date.</summary>
    public bool DeadlineSetByHand { get; init; }

    /// <summary>The person or Fachbereich responsible for the whole inquiry, or null.</summary>
    public Assignment? Assignee { get; init; }

    public string Title => Inquiry.Subject ?? Inquiry.Id ?? SourceName;
}
