using Anfragen.Assistant.Retrieval;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Translates a <see cref="SearchFilter"/> into a Qdrant filter (<c>Qdrant.Client.Grpc.Filter</c>) that travels inside every prefetch and
/// query, so access and metadata restrictions are applied by the index before top-k, never after fusion.
/// The result matches <see cref="SearchFilter.Allows"/> point for point.
/// </summary>
internal static class QdrantFilters
{
    /// <summary>Chunk points only, restricted by <paramref name="filter"/>.</summary>
    public static Filter ForChunks(SearchFilter filter) => Build(QdrantPayload.KindChunk, filter);

    /// <summary>Document points only, restricted by <paramref name="filter"/> (document points carry the same fields).</summary>
    public static Filter ForDocuments(SearchFilter filter) => Build(QdrantPayload.KindDocument, filter);

    /// <summary>The chunks of one document that <paramref name="filter"/> allows (every version); ids compare by <c>SearchFilter.FoldId</c>.</summary>
    public static Filter ForChunksOf(string documentId, SearchFilter filter)
    {
        var result = ForChunks(filter);
        result.Must.Add(MatchKeyword(QdrantPayload.DocumentKey, QdrantPayload.FoldId(documentId)));
        return result;
    }

    /// <summary>The document point of one document, if <paramref name="filter"/> allows it; ids compare by <c>SearchFilter.FoldId</c>.</summary>
    public static Filter ForDocument(string documentId, SearchFilter filter)
    {
        var result = ForDocuments(filter);
        result.Must.Add(MatchKeyword(QdrantPayload.DocumentKey, QdrantPayload.FoldId(documentId)));
        return result;
    }

    /// <summary>Document points allowed by <paramref name="filter"/> whose sort date is exactly <paramref name="sortDate"/>.</summary>
    public static Filter ForDocumentsOn(long sortDate, SearchFilter filter)
    {
        var result = ForDocuments(filter);
        result.Must.Add(Match(QdrantPayload.SortDate, sortDate));
        return result;
    }

    /// <summary>
    /// What a replace leaves behind of a document (any case of its id): chunk points of another version than
    /// <paramref name="currentVersion"/> (or written before versions), and document points other than
    /// <paramref name="currentDocumentPoint"/> (written under an id of another case). With null arguments: every point.
    /// </summary>
    public static Filter StalePointsOf(string documentId, string? currentVersion, Guid? currentDocumentPoint)
    {
        var result = new Filter();
        result.Must.Add(MatchKeyword(QdrantPayload.DocumentKey, QdrantPayload.FoldId(documentId)));
        var staleChunk = new Filter();
        staleChunk.Must.Add(MatchKeyword(QdrantPayload.Kind, QdrantPayload.KindChunk));
        if (currentVersion is not null)
        {
            staleChunk.MustNot.Add(MatchKeyword(QdrantPayload.Version, currentVersion));
        }

        var staleDocument = new Filter();
        staleDocument.Must.Add(MatchKeyword(QdrantPayload.Kind, QdrantPayload.KindDocument));
        if (currentDocumentPoint is { } keep)
        {
            staleDocument.MustNot.Add(HasId([keep]));
        }

        result.Should.Add(new Condition { Filter = staleChunk });
        result.Should.Add(new Condition { Filter = staleDocument });
        return result;
    }

    /// <summary>Every point (chunks of every version and the document point) of one document, any case of its id.</summary>
    public static Filter AllPointsOf(string documentId) => MatchKeyword(QdrantPayload.DocumentKey, QdrantPayload.FoldId(documentId));

    public static Filter OfKind(string kind) => MatchKeyword(QdrantPayload.Kind, kind);

    private static Filter Build(string kind, SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = new Filter();
        result.Must.Add(MatchKeyword(QdrantPayload.Kind, kind));

        // The tenant key: Qdrant co-locates points by visibility (is_tenant index), so this condition is cheap.
        if (!filter.IncludeNonPublic)
        {
            result.Must.Add(MatchKeyword(QdrantPayload.Visibility, QdrantPayload.ToKeyword(Documents.Visibility.Public)));
        }

        if (filter.Types is { Count: > 0 } types)
        {
            result.Must.Add(Match(QdrantPayload.Type, types.Distinct().Select(QdrantPayload.ToKeyword).ToList()));
        }

        if (filter.From is not null || filter.To is not null)
        {
            var range = new global::Qdrant.Client.Grpc.Range();
            if (filter.From is { } from)
            {
                range.Gte = QdrantPayload.ToDateNumber(from);
            }

            if (filter.To is { } to)
            {
                range.Lte = QdrantPayload.ToDateNumber(to);
            }

            // A point without a date has no "date" field and never matches a range, as Allows() rejects undated chunks.
            result.Must.Add(Conditions.Range(QdrantPayload.Date, range));
        }

        if (!string.IsNullOrWhiteSpace(filter.Committee))
        {
            result.Must.Add(MatchKeyword(QdrantPayload.CommitteeKey, QdrantPayload.Fold(filter.Committee)));
        }

        if (filter.ExcludeDocumentIds is { Count: > 0 } excluded)
        {
            result.MustNot.Add(Match(QdrantPayload.DocumentKey, excluded.Select(QdrantPayload.FoldId).Distinct(StringComparer.Ordinal).ToList()));
        }

        return result;
    }
}
