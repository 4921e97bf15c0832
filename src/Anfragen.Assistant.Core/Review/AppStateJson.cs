using System.Text.Json;
using System.Text.Json.Serialization;

namespace Anfragen.Assistant.Review;

/// <summary>How app-state rows store structured values (parsed inquiry, citations) as JSON text.</summary>
internal static class AppStateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"Leerer JSON-Wert in der App-Datenbank: {json}");

    public static object SerializeOrNull<T>(T? value)
        where T : class => value is null ? DBNull.Value : Serialize(value);

    public static T? DeserializeOrNull<T>(Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal)
        where T : class => reader.IsDBNull(ordinal) ? null : Deserialize<T>(reader.GetString(ordinal));

    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
}
