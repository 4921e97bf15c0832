using System.Globalization;
using System.Runtime.InteropServices;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>Column encodings: ISO dates (sortable text) and float32 vectors as little-endian BLOBs.</summary>
internal static class SqliteValues
{
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(object value) =>
        value is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static byte[] ToBlob(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] FromBlob(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();

    public static object DbValue(object? value) => value ?? DBNull.Value;
}
