using System.Globalization;

namespace Anfragen.Assistant.Documents;

/// <summary>Maps the German words used in corpus files and page text to our enums and dates.</summary>
public static class DocumentVocabulary
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.fffK"];

    public static DocumentType ParseType(string? value) => (value ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "anfrage" => DocumentType.Anfrage,
        "stellungnahme" => DocumentType.Stellungnahme,
        "mitteilung" => DocumentType.Mitteilung,
        "antrag" => DocumentType.Antrag,
        "vorlage" or "beschlussvorlage" => DocumentType.Vorlage,
        _ => DocumentType.Other,
    };

    /// <summary>"nichtöffentlich", "nicht öffentlich", "N" and "nonpublic" are non-public; everything else is public.</summary>
    public static Visibility ParseVisibility(string? value)
    {
        var v = (value ?? string.Empty).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return v is "nichtöffentlich" or "nichtoeffentlich" or "n" or "nonpublic" or "nöffentlich" ? Visibility.NonPublic : Visibility.Public;
    }

    public static string ToGerman(this Visibility visibility) => visibility == Visibility.NonPublic ? "nichtöffentlich" : "öffentlich";

    /// <summary>Reads dd.mm.yyyy (as published) and ISO 8601; returns null for empty or unreadable values.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return DateOnly.FromDateTime(exact);
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any)
            ? DateOnly.FromDateTime(any.Date)
            : null;
    }
}
