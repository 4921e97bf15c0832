using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Review;

/// <summary>An archive search as staff enter it; the clearance part of the filter always comes from the actor.</summary>
public sealed record ArchiveQuery
{
    public required string Text { get; init; }
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;
    public IReadOnlyList<DocumentType>? Types { get; init; }
    public string? Committee { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Top { get; init; } = 20;
}
