namespace Anfragen.Assistant.Storage;

public sealed record IndexStatistics(long Documents, long Chunks, EmbeddingModelInfo? Model);
