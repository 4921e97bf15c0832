using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The letter head of a council paper ("Betreff:", "Empfänger:", "Datum:", "Beratungsfolge: …", up to "Sachverhalt:")
/// is metadata, not content. A proposed passage is shown from where the content starts (still verbatim), and a passage
/// that is little more than its letter head ("… nimmt die Verwaltung wie folgt Stellung:") is not proposed at all.
/// </summary>
internal static partial class LetterHead
{
    // A passage holding fewer words than this after its letter head says nothing yet.
    private const int MinContentWords = 20;

    // Labels of a letter head; two of them before the content label make it one.
    private const int MinLabels = 2;

    /// <summary>The text after the letter head, or the whole text when it has none.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = ContentLabel().Match(text);
        if (!content.Success || HeadLabel().Count(text[..content.Index]) < MinLabels)
        {
            return text;
        }

        return text[(content.Index + content.Length)..].TrimStart();
    }

    /// <summary>Whether the passage is only a letter head and an opening sentence, nothing to propose.</summary>
    public static bool IsOnlyHead(string text)
    {
        var content = Strip(text);
        return !ReferenceEquals(content, text) && Words().Count(content) < MinContentWords;
    }

    [GeneratedRegex(@"^[ \t]*-?[ \t]*(?:Sachverhalt|Begründung|Inhalt)[ \t]*(?::[ \t]*(?:\r?\n)?|\r?\n)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ContentLabel();

    [GeneratedRegex(@"^\s*-?\s*(?:Betreff|Empfänger(?:in)?|Adressat(?:in)?|Datum|Beratungsfolge|Organisationseinheit|Federführend|Verfasser|Absender|Status)\b\s*:?", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadLabel();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
