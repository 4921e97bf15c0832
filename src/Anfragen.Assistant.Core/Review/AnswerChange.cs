using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>
/// One change to an answer row: the new status, optionally a new text (then a version row is written) and, for an
/// assistant draft, the draft whose mode and citations replace the stored ones.
/// </summary>
public sealed record AnswerChange(AnswerStatus Status, string? Text, DraftAnswer? Draft, string Author, DateTimeOffset At);
