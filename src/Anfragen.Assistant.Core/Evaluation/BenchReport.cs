namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// The result of <c>anfragen bench</c>, serialised as-is for <c>--json</c> (camelCase):
/// <c>{"machine","latency":[{"chunks","keyword":{"p50","p95"},"dense","hybrid","lucene","buildSeconds","peakMiB"}],
/// "ingestion":{"encoder","pipeline","ratio"},"peakMiB"}</c>. Latencies in milliseconds, rates in chunks per second.
/// </summary>
public sealed record BenchReport(string Machine, IReadOnlyList<LatencyRow> Latency, IngestionRow Ingestion, double PeakMiB);

/// <summary>One index size: latency of each leg (query embedding excluded), the Lucene reference, build time and the peak memory of the index with its searches.</summary>
public sealed record LatencyRow(int Chunks, Percentiles Keyword, Percentiles Dense, Percentiles Hybrid, Percentiles? Lucene, double BuildSeconds, double PeakMiB)
{
    /// <summary>Recall@10 of the dense leg as searched against exact float32 search over the same vectors (1.0 when the dense search is exact).</summary>
    public double? DenseRecallAt10 { get; init; }

    /// <summary>Seconds to build the Lucene reference index.</summary>
    public double? LuceneBuildSeconds { get; init; }
}

public sealed record Percentiles(double P50, double P95)
{
    /// <summary>Nearest-rank percentiles of the measured times.</summary>
    public static Percentiles Of(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var sorted = times.Order().ToArray();
        return new Percentiles(Rank(sorted, 50), Rank(sorted, 95));
    }

    private static double Rank(double[] sorted, int percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Chunks per second of the raw embedder and of the whole ingestion pipeline over the same texts.</summary>
public sealed record IngestionRow(double Encoder, double Pipeline, double Ratio);
