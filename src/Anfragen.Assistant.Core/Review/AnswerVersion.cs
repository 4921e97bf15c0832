namespace Anfragen.Assistant.Review;

/// <summary>One saved text of an answer: who, when, and whether the assistant or a person wrote it.</summary>
public sealed record AnswerVersion(int Number, int Version, string Text, string Author, DateTimeOffset CreatedAt, DraftSource Source);
