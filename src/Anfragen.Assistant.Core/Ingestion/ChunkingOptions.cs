namespace Anfragen.Assistant.Ingestion;

/// <summary>Sizes for splitting documents that have no question/answer structure.</summary>
public sealed record ChunkingOptions(int TargetWords = 250, int OverlapWords = 40, int MaxAnswerWords = 350)
{
    public static ChunkingOptions Default { get; } = new();
}
