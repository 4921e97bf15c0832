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

    /// <summary>
    /// Reads an explicit visibility marker: "öffentlich", "Ö", "public" are öffentlich; "nichtöffentlich" (also
    /// "nicht öffentlich", "nicht-öffentlich", "nichtoeffentlich"), "N", "NÖ", "nonpublic" are nichtöffentlich. Anything
    /// else ("vertraulich", "geheim", a typo, empty) is not a marker: null.
    /// </summary>
    public static Visibility? TryParseVisibility(string? value)
    {
        var v = (value ?? string.Empty).Normalize(System.Text.NormalizationForm.FormC).Trim().ToLowerInvariant()
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return v switch
        {
            "öffentlich" or "oeffentlich" or "ö" or "public" => Visibility.Public,
            "nichtöffentlich" or "nichtoeffentlich" or "nö" or "n" or "nonpublic" or "notpublic" => Visibility.NonPublic,
            _ => null,
        };
    }

    /// <summary>Fail-closed reading: only an explicit public marker is öffentlich; an unknown or missing one is nichtöffentlich.</summary>
    public static Visibility ParseVisibility(string? value) => TryParseVisibility(value) ?? Visibility.NonPublic;

    /// <summary>The type as the council system and the UI name it; <see cref="DocumentType.Other"/> is "Sonstiges".</summary>
    public static string ToGerman(this DocumentType type) => type switch
    {
        DocumentType.Anfrage => "Anfrage",
        DocumentType.Stellungnahme => "Stellungnahme",
        DocumentType.Mitteilung => "Mitteilung",
        DocumentType.Antrag => "Antrag",
        DocumentType.Vorlage => "Vorlage",
        _ => "Sonstiges",
    };

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
