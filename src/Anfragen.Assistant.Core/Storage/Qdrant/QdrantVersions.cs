using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Keeps Qdrant reads to the current version of each document: a chunk point counts only when its version is the one
/// its document point names (both without a version for points written before versions existed). This is what makes
/// a replace atomic for readers although Qdrant has no multi-point transactions (see <see cref="QdrantDocumentStore"/>).
/// </summary>
internal static class QdrantVersions
{
    public static bool IsCurrent(MapField<string, Value> chunkPayload, string? documentVersion) =>
        string.Equals(QdrantPayload.VersionOf(chunkPayload), documentVersion, StringComparison.Ordinal);

    /// <summary>The current version of each document (by folded id) among <paramref name="documentKeys"/>; absent documents are left out.</summary>
    public static async Task<Dictionary<string, string?>> CurrentAsync(QdrantCollection collection, IEnumerable<string> documentKeys, CancellationToken cancellationToken)
    {
        var keys = documentKeys.Distinct(StringComparer.Ordinal).ToList();
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        var points = await collection.RetrieveAsync([.. keys.Select(QdrantPointIds.ForDocument)], cancellationToken).ConfigureAwait(false);
        foreach (var point in points)
        {
            current[QdrantPayload.FoldId(QdrantPayload.ToDocument(point.Payload).Id)] = QdrantPayload.VersionOf(point.Payload);
        }

        // Document points written before ids were folded sit under an id of another case: found by their key instead.
        foreach (var key in keys.Where(k => !current.ContainsKey(k)))
        {
            var legacy = await collection.ScrollAsync(QdrantFilters.ForDocument(key, Retrieval.SearchFilter.PublicOnly with { IncludeNonPublic = true }), 1, null, cancellationToken).ConfigureAwait(false);
            if (legacy.Result.Count > 0)
            {
                current[key] = QdrantPayload.VersionOf(legacy.Result[0].Payload);
            }
        }

        return current;
    }

    /// <summary>The scored points whose chunk is the current version of its document, as chunks, in order.</summary>
    public static async Task<IReadOnlyList<ScoredChunk>> CurrentChunksAsync(QdrantCollection collection, IReadOnlyList<ScoredPoint> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return [];
        }

        var current = await CurrentAsync(collection, points.Select(p => QdrantPayload.FoldId(QdrantPayload.ToChunk(p.Payload).DocumentId)), cancellationToken).ConfigureAwait(false);
        var result = new List<ScoredChunk>(points.Count);
        foreach (var point in points)
        {
            var chunk = QdrantPayload.ToChunk(point.Payload);
            if (current.TryGetValue(QdrantPayload.FoldId(chunk.DocumentId), out var version) && IsCurrent(point.Payload, version))
            {
                result.Add(new ScoredChunk(chunk, point.Score));
            }
        }

        return result;
    }
}
