using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>Source-generated log messages of the Qdrant index (event ids 5000–5099).</summary>
internal static partial class QdrantLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Created Qdrant collection {Collection} at {Url} for model {ModelId} ({Dimensions} dimensions)")]
    public static partial void CollectionCreated(ILogger logger, string collection, string url, string modelId, int dimensions);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Opened Qdrant collection {Collection} at {Url}")]
    public static partial void CollectionOpened(ILogger logger, string collection, string url);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Transient Qdrant failure, retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, Exception? exception, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Replaced document {DocumentId} in Qdrant: {Chunks} chunks written")]
    public static partial void DocumentReplaced(ILogger logger, string documentId, int chunks);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Qdrant at {Url} (version {Version}) predates weighted RRF; hybrid results are fused on the client with the same formula. Update the server to fuse there.")]
    public static partial void ClientSideFusion(ILogger logger, string url, string version);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Qdrant at {Url} rejected a fused hybrid query ({Detail}); this request was fused on the client")]
    public static partial void FusionRejected(ILogger logger, string url, string detail);
}
