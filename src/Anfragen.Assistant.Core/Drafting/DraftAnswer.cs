namespace Anfragen.Assistant.Drafting;

/// <summary>The proposed answer to one numbered question, for human review. Never shown as approved text.</summary>
public sealed record DraftAnswer
{
    public required int Number { get; init; }
    public required string Question { get; init; }

    /// <summary>The proposed answer text alone: no "Zu Frage n:" heading, no note on how it came about.</summary>
    public required string Draft { get; init; }

    /// <summary>
    /// How the proposal came about, for the person who reviews it ("Vorschlag aus früheren Stellungnahmen (bitte prüfen
    /// und anpassen)", or that nothing fits). Shown beside the draft in the tool, never part of the answer or the letter.
    /// </summary>
    public string? Note { get; init; }
    public required DraftMode Mode { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Markers that point to no retrieved passage, or whose quoted text is not in the cited source.</summary>
    public IReadOnlyList<string> InvalidCitations { get; init; } = [];
    public string? Model { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public long ElapsedMs { get; init; }
}
