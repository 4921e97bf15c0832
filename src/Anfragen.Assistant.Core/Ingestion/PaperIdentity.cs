using System.Globalization;
using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Decides what an incoming document with an id that is already stored may do. Identical content is unchanged. Other
/// content replaces the stored document only when it is a new version of the SAME paper: it comes from the same
/// source (the same file, the same corpus file), or carries the same non-empty URL (the council system's address of
/// the paper), or has the same type and the same title. Anything else is another paper that claims the id: refused.
/// A new version never makes a nichtöffentlich paper öffentlich unless the run allows it explicitly.
/// </summary>
public static class PaperIdentity
{
    public static bool IsSamePaper(StoredDocument stored, SourceDocument incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        if (SourceFile(stored.Source) is { } storedFile && SourceFile(incoming.Source) is { } incomingFile && string.Equals(storedFile, incomingFile, StringComparison.Ordinal))
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(stored.Url) && string.Equals(stored.Url.Trim(), incoming.Url?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return stored.Type == incoming.Type && string.Equals(NormalizeTitle(stored.Title), NormalizeTitle(incoming.Title), StringComparison.Ordinal);
    }

    /// <summary>Why <paramref name="incoming"/> may not take the id, or null when it may (new version of the same paper).</summary>
    public static string? RefusalReason(StoredDocument stored, SourceDocument incoming, bool allowVisibilityChange)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        if (!IsSamePaper(stored, incoming))
        {
            return $"Dokument-ID {stored.Id} ist bereits vergeben an „{stored.Title}“ ({stored.Type}, {stored.Visibility.ToGerman()}, Quelle {stored.Source ?? "unbekannt"}); "
                + $"dieses Dokument („{incoming.Title}“, {incoming.Type}) hat anderen Inhalt und ist keine neue Fassung desselben Papiers "
                + "(andere Quelle, andere URL, anderer Typ oder Titel) – nicht aufgenommen, das gespeicherte bleibt unverändert";
        }

        if (stored.Visibility == Visibility.NonPublic && incoming.Visibility == Visibility.Public && !allowVisibilityChange)
        {
            return $"die neue Fassung würde {stored.Id} („{stored.Title}“) von nichtöffentlich auf öffentlich setzen – nicht aufgenommen; "
                + "nur mit ausdrücklicher Erlaubnis (anfragen ingest --allow-visibility-change, in der Verwaltung „Sichtbarkeit ändern erlauben“)";
        }

        return null;
    }

    /// <summary>The file a document came from: the path without a corpus line suffix (":12"), made absolute.</summary>
    internal static string? SourceFile(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var file = source.Trim();
        var colon = file.LastIndexOf(':');
        if (colon > 1 && colon < file.Length - 1 && file[(colon + 1)..].All(char.IsAsciiDigit))
        {
            file = file[..colon];
        }

        if (file.Contains("://", StringComparison.Ordinal) || file.StartsWith("app:", StringComparison.Ordinal))
        {
            return file;
        }

        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return file;
        }
    }

    /// <summary>Case, accents' composition, punctuation and spacing do not make a different title.</summary>
    internal static string NormalizeTitle(string? title)
    {
        var text = (title ?? string.Empty).Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("de-DE"));
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
