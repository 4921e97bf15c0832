namespace Anfragen.Assistant.Drafting;

public sealed record ChatAnswer
{
    public required string Text { get; init; }
    public required DraftMode Mode { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<string> InvalidCitations { get; init; } = [];
    public string? Model { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public long ElapsedMs { get; init; }
}
