namespace Anfragen.Assistant.Review;

/// <summary>A reviewer's or author's note on one answer (required when rejecting).</summary>
public sealed record ReviewComment(int Number, string Author, DateTimeOffset CreatedAt, string Action, string Text);
