namespace Anfragen.Assistant.Review;

public enum ReviewOutcome
{
    Success = 0,
    NotFound,

    /// <summary>The actor's role does not allow this step (e.g. staff approving).</summary>
    Forbidden,

    /// <summary>Someone else changed the answer first; <see cref="ReviewResult.Answer"/> carries the current state.</summary>
    Conflict,

    /// <summary>The step makes no sense in the current state (e.g. approving an empty answer, rejecting without comment).</summary>
    Invalid,
}
