namespace Anfragen.Assistant.Ingestion;

/// <summary>Reported after each document: how far the run is and which document was last handled.</summary>
public sealed record IngestionProgress(int DocumentsDone, int DocumentsTotal, int ChunksWritten, string? Current);
