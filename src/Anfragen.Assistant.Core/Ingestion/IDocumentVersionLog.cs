using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion;

/// <summary>A stored document about to be replaced by a new version of the same paper.</summary>
/// <param name="Previous">The stored metadata (id, type, title, visibility, source, content hash).</param>
/// <param name="PreviousChunks">The stored passages, in order: the old text is kept, not lost.</param>
/// <param name="NewSource">Where the new version comes from.</param>
/// <param name="NewContentHash">The new version's content hash (with the previous one, it identifies the replacement).</param>
/// <param name="NewTitle">The new version's title.</param>
/// <param name="NewVisibility">The new version's visibility; a change is audited on its own.</param>
/// <param name="UserName">Who ran the ingestion.</param>
public sealed record DocumentReplacement(
    StoredDocument Previous,
    IReadOnlyList<string> PreviousChunks,
    string? NewSource,
    string NewContentHash,
    string NewTitle,
    Documents.Visibility NewVisibility,
    string UserName);

/// <summary>
/// Where replaced document versions and their audit entries go. Written BEFORE the index replaces the document, so a
/// crash in between loses nothing; recording the same replacement twice (the re-run after such a crash) keeps one record.
/// </summary>
public interface IDocumentVersionLog
{
    /// <summary>Keeps the previous version and writes the audit entries (replacement; visibility change when there is one).</summary>
    Task RecordReplacementAsync(DocumentReplacement replacement, CancellationToken cancellationToken = default);
}
