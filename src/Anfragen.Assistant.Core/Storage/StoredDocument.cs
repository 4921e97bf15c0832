using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Storage;

/// <summary>A document as held by the index: its metadata, content hash and when it was ingested.</summary>
public sealed record StoredDocument
{
    public required string Id { get; init; }
    public required DocumentType Type { get; init; }
    public required string Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Committee { get; init; }
    public Visibility Visibility { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public required string ContentHash { get; init; }
    public required int ChunkCount { get; init; }
    public DateTimeOffset IngestedAt { get; init; }
}
