using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>One result of loading: a document, or the reason its file or corpus line ("corpus.jsonl:12") could not be read.</summary>
public sealed record LoadedItem(string Source, SourceDocument? Document, string? Error)
{
    /// <summary>What was not clean about a loaded document (invalid bytes replaced, mixed encodings): it is stored, and the report says so.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static LoadedItem Ok(SourceDocument document) => new(document.Source ?? document.Id, document, null);

    public static LoadedItem Failed(string source, string error) => new(source, null, error);
}
