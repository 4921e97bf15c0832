using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>One stored message of a user's chat with the archive (the conversation is kept per user).</summary>
public sealed record ChatMessageRecord(long Id, ChatRole Role, string Text, IReadOnlyList<Citation> Citations, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The most restrictive visibility of everything that went into this message's prompt (passages, tool results,
    /// earlier turns). Messages stored before this was recorded count as nichtöffentlich.
    /// </summary>
    public Visibility Visibility { get; init; }

    /// <summary>Withheld from the reader (clearance withdrawn): <see cref="Text"/> is a notice, and the message never goes back into a prompt.</summary>
    public bool Withheld { get; init; }
}
