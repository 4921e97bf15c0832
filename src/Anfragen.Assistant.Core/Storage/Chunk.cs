using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// A retrievable passage of a document. Carries the document's metadata so a search hit is self-describing
/// and filters (type, date, visibility) can be applied inside the index.
/// </summary>
public sealed record Chunk
{
    /// <summary>Stable id: "{DocumentId}#{Ordinal}". Re-ingesting the same document yields the same ids.</summary>
    public required string ChunkId { get; init; }
    public required string DocumentId { get; init; }
    public required int Ordinal { get; init; }
    public required DocumentType DocumentType { get; init; }
    public required string Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Committee { get; init; }
    public Visibility Visibility { get; init; }

    /// <summary>For an Anfrage question chunk or a Stellungnahme answer chunk: the question number; otherwise null.</summary>
    public int? QuestionNumber { get; init; }

    /// <summary>The passage text exactly as shown to users and models (citations are checked against it).</summary>
    public required string Text { get; init; }

    public static string MakeId(string documentId, int ordinal) => $"{documentId}#{ordinal}";
}
