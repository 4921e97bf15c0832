using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>One stored message of a user's chat with the archive (the conversation is kept per user).</summary>
public sealed record ChatMessageRecord(long Id, ChatRole Role, string Text, IReadOnlyList<Citation> Citations, DateTimeOffset CreatedAt);
