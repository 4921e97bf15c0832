namespace Anfragen.Assistant.Ingestion;

// STAND-IN (web branch) until the kb branch is merged.
public sealed record IngestionProgress(int Done, int Total);
