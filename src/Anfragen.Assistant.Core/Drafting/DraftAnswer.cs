namespace Anfragen.Assistant.Drafting;

/// <summary>The proposed answer to one numbered question, for human review. Never shown as approved text.</summary>
public sealed record DraftAnswer
{
    public required int Number { get; init; }
    public required string Question { get; init; }
    public required string Draft { get; init; }
    public required DraftMode Mode { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Markers that point to no retrieved passage, or whose quoted text is not in the cited source.</summary>
    public IReadOnlyList<string> InvalidCitations { get; init; } = [];
    public string? Model { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public long ElapsedMs { get; init; }
}
