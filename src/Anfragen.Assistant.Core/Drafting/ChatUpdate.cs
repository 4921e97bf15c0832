namespace Anfragen.Assistant.Drafting;

/// <summary>
/// A piece of a streamed chat answer: text deltas while the answer is written, then one final update
/// (<see cref="IsFinal"/>) carrying the whole checked answer with its valid and invalid citations.
/// </summary>
public sealed record ChatUpdate
{
    public string TextDelta { get; init; } = string.Empty;
    public bool IsFinal { get; init; }
    public ChatAnswer? Answer { get; init; }
}
