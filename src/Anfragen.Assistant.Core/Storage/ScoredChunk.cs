namespace Anfragen.Assistant.Storage;

/// <summary>A chunk with the score of one search; higher is better. Scores are only comparable within one search.</summary>
public sealed record ScoredChunk(Chunk Chunk, double Score);
