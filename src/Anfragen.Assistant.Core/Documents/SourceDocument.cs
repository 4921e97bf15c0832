namespace Anfragen.Assistant.Documents;

/// <summary>
/// One council paper as read from a file or corpus line, before chunking.
/// <see cref="Id"/> is the Drucksache number where known (e.g. "25-26577", "25-26577-01", "1656/12"),
/// otherwise a stable id derived from the file name.
/// </summary>
public sealed record SourceDocument
{
    public required string Id { get; init; }
    public required DocumentType Type { get; init; }
    public required string Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Committee { get; init; }
    public Visibility Visibility { get; init; }
    public string? Url { get; init; }

    /// <summary>The document body as plain text (for council pages: the Sachverhalt part).</summary>
    public required string Text { get; init; }

    /// <summary>Numbered questions for an Anfrage (index 0 is question 1); empty for other types.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Where the document came from (file path or "corpus.jsonl:12"), for error messages and provenance.</summary>
    public string? Source { get; init; }
}
