using System.Globalization;
using Anfragen.Assistant.Documents;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The payload schema of the collection and the mapping between payloads and <see cref="Chunk"/>/<see cref="StoredDocument"/>.
/// Three kinds of points share the collection: chunks (with the dense and the sparse vector), one document point per
/// document (no vectors; content hash and metadata for listings) and one metadata point (the embedding model).
/// Chunk and document points both carry the filterable fields, so one <see cref="QdrantFilters"/> filter serves both.
/// </summary>
internal static class QdrantPayload
{
    public const string DenseVector = "dense";
    public const string SparseVector = "bm25";

    public const string Kind = "kind";
    public const string KindChunk = "chunk";
    public const string KindDocument = "document";
    public const string KindMeta = "meta";

    public const string DocumentId = "document_id";

    /// <summary>The document id folded by <c>SearchFilter.FoldId</c>: lookups, exclusions and deletes compare ids as the embedded index does.</summary>
    public const string DocumentKey = "document_key";
    public const string ChunkId = "chunk_id";
    public const string Ordinal = "ordinal";
    public const string Type = "type";
    public const string Title = "title";

    /// <summary>Date as the integer yyyymmdd: exact, sortable and range-filterable without time-zone questions.</summary>
    public const string Date = "date";

    /// <summary>The date, or 0 when unknown, so documents without a date still appear (last) in ordered listings.</summary>
    public const string SortDate = "sort_date";
    public const string Committee = "committee";

    /// <summary>Lower-cased committee: the committee filter is case-insensitive.</summary>
    public const string CommitteeKey = "committee_key";
    public const string Visibility = "visibility";
    public const string QuestionNumber = "question_number";
    public const string Text = "text";
    public const string Url = "url";
    public const string Source = "source";
    public const string ContentHash = "content_hash";
    public const string ChunkCount = "chunk_count";
    public const string IngestedAt = "ingested_at";
    public const string ModelId = "model_id";
    public const string Dimensions = "dimensions";

    /// <summary>
    /// The replace that wrote a point: on chunk points the version they belong to, on the document point the version
    /// that is current. Points written before versions existed have none (and count as current together).
    /// </summary>
    public const string Version = "version";

    /// <summary>A chunk's expansion terms (space-separated), kept so an export carries them; searched through the sparse vector.</summary>
    public const string Expansion = "expansion";

    public static IReadOnlyList<string> ExpansionOf(MapField<string, Value> payload) =>
        GetString(payload, Expansion) is { Length: > 0 } terms ? terms.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    public static long ToDateNumber(DateOnly date) => (date.Year * 10_000L) + (date.Month * 100L) + date.Day;

    public static DateOnly FromDateNumber(long value) => new((int)(value / 10_000), (int)(value / 100 % 100), (int)(value % 100));

    public static string ToKeyword(DocumentType type) => type.ToString();

    public static string ToKeyword(Visibility visibility) => VisibilityCodes.ToName(visibility);

    /// <summary>Committee names compare by <c>SearchFilter.Fold</c> in every index.</summary>
    public static string Fold(string value) => Retrieval.SearchFilter.Fold(value);

    public static string FoldId(string value) => Retrieval.SearchFilter.FoldId(value);

    /// <summary>The version a point carries, or null for points written before versions existed.</summary>
    public static string? VersionOf(MapField<string, Value> payload) => GetString(payload, Version);

    public static Dictionary<string, Value> ForChunk(Chunk chunk, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var payload = new Dictionary<string, Value>(StringComparer.Ordinal)
        {
            [Kind] = KindChunk,
            [ChunkId] = chunk.ChunkId,
            [Ordinal] = (long)chunk.Ordinal,
            [Text] = chunk.Text,
        };
        if (version is not null)
        {
            payload[Version] = version;
        }

        AddCommon(payload, chunk.DocumentId, chunk.DocumentType, chunk.Title, chunk.Date, chunk.Committee, chunk.Visibility);
        if (chunk.QuestionNumber is { } number)
        {
            payload[QuestionNumber] = (long)number;
        }

        return payload;
    }

    public static Dictionary<string, Value> ForDocument(StoredDocument document, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var payload = new Dictionary<string, Value>(StringComparer.Ordinal)
        {
            [Kind] = KindDocument,
            [ContentHash] = document.ContentHash,
            [ChunkCount] = (long)document.ChunkCount,
            [IngestedAt] = document.IngestedAt.ToString("O", CultureInfo.InvariantCulture),
            [SortDate] = document.Date is { } date ? ToDateNumber(date) : 0L,
        };
        if (version is not null)
        {
            payload[Version] = version;
        }

        AddCommon(payload, document.Id, document.Type, document.Title, document.Date, document.Committee, document.Visibility);
        if (document.Url is not null)
        {
            payload[Url] = document.Url;
        }

        if (document.Source is not null)
        {
            payload[Source] = document.Source;
        }

        return payload;
    }

    public static Dictionary<string, Value> ForModel(EmbeddingModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new Dictionary<string, Value>(StringComparer.Ordinal)
        {
            [Kind] = KindMeta,
            [ModelId] = model.ModelId,
            [Dimensions] = (long)model.Dimensions,
        };
    }

    public static Chunk ToChunk(MapField<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new Chunk
        {
            ChunkId = GetString(payload, ChunkId) ?? throw Corrupt(ChunkId),
            DocumentId = GetString(payload, DocumentId) ?? throw Corrupt(DocumentId),
            Ordinal = (int)(GetLong(payload, Ordinal) ?? throw Corrupt(Ordinal)),
            DocumentType = ParseEnum<DocumentType>(GetString(payload, Type)),
            Title = GetString(payload, Title) ?? string.Empty,
            Date = GetLong(payload, Date) is { } date ? FromDateNumber(date) : null,
            Committee = GetString(payload, Committee),
            Visibility = VisibilityCodes.FromName(GetString(payload, Visibility)),
            QuestionNumber = GetLong(payload, QuestionNumber) is { } number ? (int)number : null,
            Text = GetString(payload, Text) ?? string.Empty,
        };
    }

    public static StoredDocument ToDocument(MapField<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var ingestedAt = GetString(payload, IngestedAt);
        return new StoredDocument
        {
            Id = GetString(payload, DocumentId) ?? throw Corrupt(DocumentId),
            Type = ParseEnum<DocumentType>(GetString(payload, Type)),
            Title = GetString(payload, Title) ?? string.Empty,
            Date = GetLong(payload, Date) is { } date ? FromDateNumber(date) : null,
            Committee = GetString(payload, Committee),
            Visibility = VisibilityCodes.FromName(GetString(payload, Visibility)),
            Url = GetString(payload, Url),
            Source = GetString(payload, Source),
            ContentHash = GetString(payload, ContentHash) ?? string.Empty,
            ChunkCount = (int)(GetLong(payload, ChunkCount) ?? 0),
            IngestedAt = ingestedAt is null ? default : DateTimeOffset.Parse(ingestedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
    }

    public static EmbeddingModelInfo? ToModel(MapField<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var modelId = GetString(payload, ModelId);
        var dimensions = GetLong(payload, Dimensions);
        return modelId is null || dimensions is null ? null : new EmbeddingModelInfo(modelId, (int)dimensions);
    }

    private static void AddCommon(
        Dictionary<string, Value> payload,
        string documentId,
        DocumentType type,
        string title,
        DateOnly? date,
        string? committee,
        Visibility visibility)
    {
        payload[DocumentId] = documentId;
        payload[DocumentKey] = FoldId(documentId);
        payload[Type] = ToKeyword(type);
        payload[Title] = title;
        payload[Visibility] = ToKeyword(visibility);
        if (date is { } d)
        {
            payload[Date] = ToDateNumber(d);
        }

        if (!string.IsNullOrWhiteSpace(committee))
        {
            payload[Committee] = committee;
            payload[CommitteeKey] = Fold(committee);
        }
    }

    private static string? GetString(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    private static long? GetLong(MapField<string, Value> payload, string key)
    {
        if (!payload.TryGetValue(key, out var value))
        {
            return null;
        }

        return value.KindCase switch
        {
            Value.KindOneofCase.IntegerValue => value.IntegerValue,

            // Values written through the REST API or other tools may arrive as doubles.
            Value.KindOneofCase.DoubleValue => (long)value.DoubleValue,
            _ => null,
        };
    }

    private static TEnum ParseEnum<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) ? parsed : default;

    private static InvalidOperationException Corrupt(string field) =>
        new($"Qdrant-Punkt ohne Pflichtfeld '{field}': die Sammlung wurde nicht von Anfragen.Assistant geschrieben.");
}
