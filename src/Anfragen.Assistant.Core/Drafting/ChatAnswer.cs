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

    /// <summary>
    /// The most restrictive visibility of everything that went into the answer's prompt: retrieved passages, tool-call
    /// results, the earlier turns sent along. Stored with the answer, so it is withheld once the reader's clearance no
    /// longer covers it.
    /// </summary>
    public Documents.Visibility Visibility { get; init; }
}
