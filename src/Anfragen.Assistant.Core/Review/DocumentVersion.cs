using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Review;

/// <summary>A previous version of an archive document, kept when a new version of the same paper replaced it.</summary>
public sealed record DocumentVersion(
    long Id,
    string DocumentId,
    DateTimeOffset ReplacedAt,
    string ReplacedBy,
    string? NewSource,
    StoredDocument Previous,
    IReadOnlyList<string> PreviousChunks);
