namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Sizes for splitting documents that have no question/answer structure, and the caps per document
/// (<see cref="IngestionLimits.MaxTextChars"/>, <see cref="IngestionLimits.MaxChunksPerDocument"/>) applied before anything is embedded.
/// </summary>
public sealed record ChunkingOptions(int TargetWords = 250, int OverlapWords = 40, int MaxAnswerWords = 350, int MaxTextChars = 4_000_000, int MaxChunks = 5_000)
{
    public static ChunkingOptions Default { get; } = new();
}
