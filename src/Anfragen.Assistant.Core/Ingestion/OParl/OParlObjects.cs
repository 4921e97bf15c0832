using System.Text.Json;
using System.Text.Json.Serialization;

namespace Anfragen.Assistant.Ingestion.OParl;

// The parts of the OParl 1.0/1.1 objects the import reads (schema.oparl.org). Unknown attributes are ignored, absent
// ones are null; attributes that servers give either inline or as a URL (files, consultations) stay JsonElements and are
// resolved by OParlPaperReader.

/// <summary>oparl:System, the entry point: its <c>body</c> attribute is the URL of the external body list.</summary>
internal sealed record OParlSystem(string? Id, string? Type, string? Name, string? OparlVersion, string? Body);

/// <summary>oparl:Body: a council (Stadtrat, Kreistag) with the URL of its paper list.</summary>
internal sealed record OParlBody(string Id, string? Type, string? Name, string? ShortName, string? Paper, bool Deleted);

/// <summary>oparl:Paper, a Drucksache.</summary>
internal sealed record OParlPaper
{
    public required string Id { get; init; }
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Reference { get; init; }
    public string? Date { get; init; }
    public string? PaperType { get; init; }
    public IReadOnlyList<string>? RelatedPaper { get; init; }
    public IReadOnlyList<string>? SuperordinatedPaper { get; init; }
    public IReadOnlyList<string>? SubordinatedPaper { get; init; }
    public JsonElement? MainFile { get; init; }
    public JsonElement? AuxiliaryFile { get; init; }
    public JsonElement? Consultation { get; init; }
    public string? Web { get; init; }
    public string? Modified { get; init; }
    public bool Deleted { get; init; }
}

/// <summary>oparl:File: the metadata of one document file and where to get it.</summary>
internal sealed record OParlFile
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? FileName { get; init; }
    public string? MimeType { get; init; }
    public long? Size { get; init; }
    public string? Sha1Checksum { get; init; }
    public string? Sha512Checksum { get; init; }

    /// <summary>The file's text as the server extracted it (optional in OParl); used when the file itself cannot be read.</summary>
    public string? Text { get; init; }
    public string? AccessUrl { get; init; }
    public string? DownloadUrl { get; init; }
    public string? Modified { get; init; }
    public bool Deleted { get; init; }
}

/// <summary>oparl:Consultation: one step of the Beratungsfolge (which committee, in which meeting).</summary>
internal sealed record OParlConsultation
{
    public string? Id { get; init; }
    public string? Meeting { get; init; }

    /// <summary>An array of organization URLs (OParl 1.0/1.1); some servers give a single URL.</summary>
    public JsonElement? Organization { get; init; }
    public string? Role { get; init; }
    public bool? Authoritative { get; init; }
    public bool Deleted { get; init; }
}

internal sealed record OParlMeeting(string? Id, string? Name, string? Start, JsonElement? Organization);

internal sealed record OParlOrganization(string? Id, string? Name, string? ShortName);

/// <summary>One page of an external object list: the objects and the URL of the next page (absent on the last).</summary>
internal sealed record OParlListPage(IReadOnlyList<JsonElement> Data, string? Next, int? TotalElements);

internal static class OParlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The URLs of an attribute that is a URL, an array of URLs, or (inline) objects with an id.</summary>
    public static IReadOnlyList<string> Urls(JsonElement? element)
    {
        if (element is not { } value)
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } url ? [url] : [],
            JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(e => Urls(e))],
            JsonValueKind.Object => value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } objectId ? [objectId] : [],
            _ => [],
        };
    }

    public static string? FirstUrl(JsonElement? element) => Urls(element) is [var first, ..] ? first : null;

    /// <summary>The elements of an attribute that holds one object, an array of objects and/or URLs, or a URL.</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement? element) => element switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind is JsonValueKind.Object or JsonValueKind.String)],
        { ValueKind: JsonValueKind.Object or JsonValueKind.String } single => [single],
        _ => [],
    };
}
