namespace Anfragen.Assistant.Ingestion;

/// <summary>A document (or input) not written, with the reason: unchanged content, no text, or an error.</summary>
public sealed record IngestionIssue(string Source, string Reason);

/// <summary>What one ingestion run did. <see cref="EmbeddingSeconds"/> is the time spent inside the embedding model.</summary>
public sealed record IngestionReport(
    int Documents,
    int Chunks,
    IReadOnlyList<IngestionIssue> Skipped,
    IReadOnlyList<IngestionIssue> Errors,
    double Seconds,
    double EmbeddingSeconds)
{
    public double ChunksPerSecond => Seconds > 0 ? Chunks / Seconds : 0;
}
