using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>One saved text of an answer: who, when, where it came from, and the citations its markers point to.</summary>
public sealed record AnswerVersion(int Number, int Version, string Text, string Author, DateTimeOffset CreatedAt, DraftSource Source)
{
    /// <summary>The citations in force with this text (null for versions saved before they were kept per version).</summary>
    public IReadOnlyList<Citation>? Citations { get; init; }

    /// <summary>The assistant's note with a draft version.</summary>
    public string? Note { get; init; }
}
