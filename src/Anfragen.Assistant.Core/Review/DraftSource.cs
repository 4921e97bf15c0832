namespace Anfragen.Assistant.Review;

/// <summary>Where a version of an answer came from (stored as a number).</summary>
public enum DraftSource
{
    /// <summary>Written by the assistant (draft, regenerate, or a proposal taken over unchanged).</summary>
    Draft = 0,

    /// <summary>Typed by a person.</summary>
    Edit = 1,

    /// <summary>An earlier version brought back by a person.</summary>
    Restore = 2,
}
