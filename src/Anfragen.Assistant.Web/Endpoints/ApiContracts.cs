using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>POST /api/inquiries and /api/inquiries/preview: the inquiry text (pasted or read from a file) and where it came from.</summary>
public sealed record CreateInquiryRequest(string Text, string? SourceName, bool Draft = false);

/// <summary>GET /api/inquiries/{id}: the inquiry with its answers, versions and comments.</summary>
public sealed record InquiryDetailResponse(InquiryRecord Inquiry, IReadOnlyList<AnswerRecord> Answers, IReadOnlyList<AnswerVersion> Versions, IReadOnlyList<ReviewComment> Comments);

/// <summary>PUT /api/inquiries/{id}/questions/{n}: new text and the version the editor started from.</summary>
public sealed record EditAnswerRequest(string Text, int ExpectedVersion);

/// <summary>
/// POST …/approve and …/reject: the version the reviewer saw, and a comment (required for reject). Approving the
/// assistant's untouched proposal needs <c>confirmUntouched: true</c>.
/// </summary>
public sealed record ReviewDecisionRequest(int ExpectedVersion, string? Comment, bool ConfirmUntouched = false);

/// <summary>POST …/questions/{n}/submit and …/proposal/accept: the version the person saw.</summary>
public sealed record VersionRequest(int ExpectedVersion);

/// <summary>POST …/questions/{n}/restore: the version to bring back, and the current version the person saw.</summary>
public sealed record RestoreRequest(int Version, int ExpectedVersion);

/// <summary>PUT …/assignment: a person (user name) or a Fachbereich; an empty name removes the assignment.</summary>
public sealed record AssignmentRequest(AssigneeKind Kind, string? Name);

/// <summary>PUT /api/inquiries/{id}/deadline: a date set by hand, or null for the one derived from the session date.</summary>
public sealed record DeadlineRequest(DateOnly? Deadline);

/// <summary>POST /api/chat.</summary>
public sealed record ChatRequest(string Question);

/// <summary>The last event of a chat stream whose answer failed (event 'error').</summary>
public sealed record ChatError(string Message);

/// <summary>PUT /api/admin/clearance/{userName}.</summary>
public sealed record ClearanceRequest(bool Cleared);

/// <summary>One search hit as the API returns it.</summary>
public sealed record SearchHitResponse(string DocumentId, string ChunkId, string Title, string Type, DateOnly? Date, string? Committee, string Visibility, int? QuestionNumber, string Text, double Score);

/// <summary>GET /api/documents/{id}: metadata and passages.</summary>
public sealed record DocumentResponse(Storage.StoredDocument Document, IReadOnlyList<Storage.Chunk> Chunks);
