namespace Anfragen.Assistant.Ingestion;

/// <summary>An input or document not written, with the reason (unchanged content, no text, refused, unreadable), or a warning.</summary>
public sealed record IngestionIssue(string Source, string Reason);

/// <summary>A stored document replaced by a new version of the same paper (a version record keeps the old one).</summary>
public sealed record ReplacedDocument(string Id, string? Source, string? PreviousSource, bool VisibilityChanged);

/// <summary>
/// What one ingestion run did: documents new, updated (with the replaced ids), unchanged, refused (an id already
/// stored for another paper, a visibility that would be lowered), inputs that could not be read, and warnings.
/// <see cref="EmbeddingSeconds"/> is the time spent inside the embedding model.
/// </summary>
public sealed record IngestionReport
{
    /// <summary>Documents whose id was not stored before.</summary>
    public int New { get; init; }

    /// <summary>Stored documents replaced by a new version of the same paper.</summary>
    public IReadOnlyList<ReplacedDocument> Updated { get; init; } = [];

    /// <summary>Documents with the stored content; nothing written.</summary>
    public int Unchanged { get; init; }

    /// <summary>Unchanged documents re-chunked because the chunker changed (same content, new passages; no version record).</summary>
    public int Rechunked { get; init; }

    /// <summary>Documents not written because their id belongs to another stored paper, or an update would lower visibility.</summary>
    public IReadOnlyList<IngestionIssue> Refused { get; init; } = [];

    /// <summary>Documents not written because nothing needed writing: unchanged content, or no text to index.</summary>
    public IReadOnlyList<IngestionIssue> Skipped { get; init; } = [];

    /// <summary>Files or lines that could not be read.</summary>
    public IReadOnlyList<IngestionIssue> Errors { get; init; } = [];

    /// <summary>Written, but with something the person should know (e.g. text repaired while reading).</summary>
    public IReadOnlyList<IngestionIssue> Warnings { get; init; } = [];

    /// <summary>Documents written in this run: new, updated and re-chunked.</summary>
    public int Documents => New + Updated.Count + Rechunked;

    public int Chunks { get; init; }

    public double Seconds { get; init; }

    public double EmbeddingSeconds { get; init; }

    public double ChunksPerSecond => Seconds > 0 ? Chunks / Seconds : 0;

    /// <summary>Some input was refused or unreadable: the CLI exits with 2 (bad input).</summary>
    public bool HasInputProblems => Errors.Count > 0 || Refused.Count > 0;
}
