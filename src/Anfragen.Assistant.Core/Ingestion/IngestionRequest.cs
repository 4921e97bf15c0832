using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>How one ingestion run treats what it reads: who runs it, and the choices a person made for it.</summary>
public sealed record IngestionRequest
{
    /// <summary>Nichtöffentlich for unmarked files, no visibility change, run by "system".</summary>
    public static IngestionRequest Default { get; } = new();

    /// <summary>Given to documents without a visibility marker of their own (<c>ingest --visibility</c>, the upload's choice).</summary>
    public Visibility DefaultVisibility { get; init; } = Visibility.NonPublic;

    /// <summary>
    /// Whether a new version may make a nichtöffentlich paper öffentlich (<c>ingest --allow-visibility-change</c>).
    /// Without it such an update is refused; with it the change is written to the audit log.
    /// </summary>
    public bool AllowVisibilityChange { get; init; }

    /// <summary>Who runs the ingestion: written to the audit log with every replaced document.</summary>
    public string UserName { get; init; } = "system";
}
