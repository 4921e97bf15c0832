namespace Anfragen.Assistant.Evaluation;

/// <summary>What <c>anfragen bench</c> measures: index sizes for the latency table, the ingestion sample, queries per mode, seed.</summary>
public sealed record BenchRequest
{
    /// <summary>Files or directories whose words the synthetic text is drawn from (default: the sample archive <c>data</c>).</summary>
    public IReadOnlyList<string> VocabularyPaths { get; init; } = ["data"];

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000];

    public int IngestChunks { get; init; } = 128;

    public int Queries { get; init; } = 200;

    public int Seed { get; init; } = 20251126;

    /// <summary>Builds the Lucene.Net reference row (<c>lucene</c>) over the same chunks at every size.</summary>
    public bool LuceneReference { get; init; } = true;
}
