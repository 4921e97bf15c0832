using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// "Anfragen:Qdrant": where the production index lives (environment: <c>Anfragen__Qdrant__Url</c>, <c>Anfragen__Qdrant__ApiKey</c>).
/// The collection-shape settings (<see cref="ShardNumber"/>, <see cref="OnDiskVectors"/>, <see cref="ScalarQuantization"/>, …)
/// apply only when the collection is created at start; an existing collection keeps its shape.
/// </summary>
public sealed class QdrantOptions
{
    public const string SectionName = "Anfragen:Qdrant";

    /// <summary>The gRPC endpoint, e.g. <c>http://localhost:6334</c>; <c>https://</c> switches TLS on.</summary>
    [Required]
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>Sent as the <c>api-key</c> header. Only from environment or user secrets, never from a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>One collection per archive.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,200}$", ErrorMessage = "Anfragen:Qdrant:Collection darf nur Buchstaben, Ziffern, '-' und '_' enthalten.")]
    public string Collection { get; set; } = "anfragen";

    /// <summary>gRPC deadline of every call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of transient failures (Unavailable, DeadlineExceeded, ResourceExhausted), exponential backoff with jitter.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; it doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Points per upsert request; large documents are written in several acknowledged batches.</summary>
    [Range(1, 10_000)]
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Number of shards at creation (distributed mode spreads them over the nodes).</summary>
    [Range(1, 1024)]
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard at creation (distributed mode).</summary>
    [Range(1, 16)]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>Replicas that must acknowledge a write before it counts as done (distributed mode).</summary>
    [Range(1, 16)]
    public int WriteConsistencyFactor { get; set; } = 1;

    /// <summary>Keep the original dense vectors memory-mapped on disk (with <see cref="ScalarQuantization"/> the int8 copies stay in RAM).</summary>
    public bool OnDiskVectors { get; set; }

    /// <summary>Keep payload (chunk text) on disk; indexed payload fields stay in RAM.</summary>
    public bool OnDiskPayload { get; set; }

    /// <summary>Keep the sparse bm25 inverted index memory-mapped on disk instead of in RAM.</summary>
    public bool OnDiskSparseIndex { get; set; }

    /// <summary>int8 scalar quantization of the dense vectors: a quarter of the memory, rescored with the originals.</summary>
    public bool ScalarQuantization { get; set; }

    /// <summary>HNSW edges per node at creation (Qdrant's default 16 when unset); more edges, better recall, more memory.</summary>
    [Range(4, 128)]
    public int? HnswM { get; set; }

    /// <summary>HNSW candidate list while building (Qdrant's default 100 when unset).</summary>
    [Range(4, 4096)]
    public int? HnswEfConstruct { get; set; }

    /// <summary>HNSW candidate list per dense search (Qdrant's default when unset); raise it for recall, lower it for speed.</summary>
    [Range(1, 4096)]
    public int? HnswEf { get; set; }

    /// <summary>With <see cref="ScalarQuantization"/>: candidates taken from the int8 vectors per result before rescoring with the originals.</summary>
    [Range(1.0, 16.0)]
    public double QuantizationOversampling { get; set; } = 2.0;
}
