namespace Anfragen.Assistant.Review;

/// <summary>Where a version of an answer came from.</summary>
public enum DraftSource
{
    /// <summary>Written by the assistant (draft or regenerate).</summary>
    Draft = 0,

    /// <summary>Typed by a person.</summary>
    Edit,
}
