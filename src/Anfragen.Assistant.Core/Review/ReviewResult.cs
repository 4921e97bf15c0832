namespace Anfragen.Assistant.Review;

/// <summary>
/// The typed result of a workflow step. On <see cref="ReviewOutcome.Conflict"/>, <see cref="Answer"/> is the CURRENT
/// stored answer (text and version) so the caller can show it next to what the user typed; nothing typed is lost.
/// </summary>
public sealed record ReviewResult(ReviewOutcome Outcome, AnswerRecord? Answer, string? Message)
{
    public bool Succeeded => Outcome == ReviewOutcome.Success;

    public static ReviewResult Ok(AnswerRecord answer, string? message = null) => new(ReviewOutcome.Success, answer, message);

    public static ReviewResult NotFound(string message) => new(ReviewOutcome.NotFound, null, message);

    public static ReviewResult Forbidden(string message) => new(ReviewOutcome.Forbidden, null, message);

    public static ReviewResult Invalid(string message, AnswerRecord? current = null) => new(ReviewOutcome.Invalid, current, message);

    public static ReviewResult Conflict(AnswerRecord current) => new(
        ReviewOutcome.Conflict,
        current,
        $"Die Antwort wurde inzwischen von {current.UpdatedBy ?? "jemand anderem"} geändert (Version {current.Version}). Ihr Text ist nicht verloren: bitte mit der aktuellen Fassung abgleichen und erneut speichern.");
}
