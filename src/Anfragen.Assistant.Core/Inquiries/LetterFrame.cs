using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// The frame around the content of a council letter, in one place: its head ("Betreff:", "Empfänger:", "Datum:",
/// "Beratungsfolge: …", up to "Sachverhalt:") and its signature. Head and signature are metadata, not content: a
/// passage is shown from where its content starts, and signature words ("Stadtbaurat" → "bau") must not make an answer
/// match questions it does not answer. Signatures come in two shapes, each recognised only where it occurs, so neither
/// rule can cut into the other kind of text:
/// <list type="bullet">
/// <item>under an answer of the administration (<see cref="TrimAnswerSignature"/>): a closing line ("gez. …",
/// "Mit freundlichen Grüßen", "Anlage/n: keine"), "i. V.", the signing official's role, or a name above that role;</item>
/// <item>under an inquiry of a faction (<see cref="WithoutInquirySignature"/>): a closing paragraph of names, party
/// and role lines ("Fraktionsvorsitzender") after an empty line.</item>
/// </list>
/// </summary>
internal static partial class LetterFrame
{
    // A passage holding fewer words than this after its letter head says nothing yet.
    private const int MinContentWords = 20;

    // Labels of a letter head; two of them before the content label make it one.
    private const int MinHeadLabels = 2;

    /// <summary>The text after the letter head, or the very same string when it has none.</summary>
    public static string StripHead(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = ContentLabel().Match(text);
        if (!content.Success || HeadLabel().Count(text[..content.Index]) < MinHeadLabels)
        {
            return text;
        }

        return text[(content.Index + content.Length)..].TrimStart();
    }

    /// <summary>Whether the passage is only a letter head and an opening sentence, nothing to propose.</summary>
    public static bool IsOnlyHead(string text)
    {
        var content = StripHead(text);
        return !ReferenceEquals(content, text) && Words().Count(content) < MinContentWords;
    }

    /// <summary>The answer without the administration's signature block under it (the first line is never cut).</summary>
    public static string TrimAnswerSignature(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lines = answer.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (ClosingLine().IsMatch(line) || OfficialRole().IsMatch(line) || DeputySign().IsMatch(line)
                || (IsShortName(line) && NextContent(lines, i) is { } next && OfficialRole().IsMatch(next)))
            {
                return string.Join('\n', lines[..i]).TrimEnd();
            }
        }

        return answer;
    }

    /// <summary>
    /// The lines of an inquiry's body without the signature paragraph (name, party, role lines after an empty line)
    /// closing it; trailing empty lines are dropped either way.
    /// </summary>
    public static string[] WithoutInquirySignature(string[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var end = body.Length;
        while (end > 0 && body[end - 1].Length == 0)
        {
            end--;
        }

        var start = end;
        while (start > 0 && body[start - 1].Length > 0 && IsInquirySignatureLine(body[start - 1]))
        {
            start--;
        }

        // A name alone could be a cut sentence ("Im Jahr"); with a role or party line it is a signature.
        var signed = body[start..end].Any(line => InquiryLines.IsPartyLine(line) || InquiryLines.IsRoleLine(line));
        return signed && start > 0 && body[start - 1].Length == 0 ? body[..start] : body[..end];
    }

    private static bool IsInquirySignatureLine(string line) => InquiryLines.IsNameLine(line) || InquiryLines.IsPartyLine(line) || InquiryLines.IsRoleLine(line);

    // "Sternberg", "Dr. Katrin Berger": a short capitalised line without sentence punctuation, above the role line.
    private static bool IsShortName(string line) =>
        InquiryLines.IsNameLine(line) || (line.Length <= 45 && char.IsUpper(line[0]) && !line.EndsWith('.') && !line.EndsWith(':') && !line.Contains(' ', StringComparison.Ordinal));

    private static string? NextContent(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length && i <= index + 2; i++)
        {
            if (lines[i].Trim() is { Length: > 0 } line)
            {
                return line;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[ \t]*-?[ \t]*(?:Sachverhalt|Begründung|Inhalt)[ \t]*(?::[ \t]*(?:\r?\n)?|\r?\n)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ContentLabel();

    [GeneratedRegex(@"^\s*-?\s*(?:Betreff|Empfänger(?:in)?|Adressat(?:in)?|Datum|Beratungsfolge|Organisationseinheit|Federführend|Verfasser|Absender|Status)\b\s*:?", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadLabel();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    // Only lines that end a letter: an answer may well contain "Hinweis:" or "Begründung:", which end a question list.
    [GeneratedRegex(@"^(?:gez\.?(?:\s|$)|(?:mit\s+)?freundlichen?\s+grü(?:ß|ss)en|anlage(?:n|/n|\(n\))?\s*(?::|$)|anlagen?\s*-?\s*keine)", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingLine();

    // The signing official of the administration, on a line of its own.
    [GeneratedRegex(@"^(?:(?:Erste[r]?\s+)?Stadtr(?:at|ätin)|Stadtbaur(?:at|ätin)|(?:Ober)?[Bb]ürgermeister(?:in)?|Dezernent(?:in)?|Fachbereichsleit(?:er|erin|ung)|Stadtdirektor(?:in)?|Kämmerer|Kämmerin|Landrat|Landrätin|Referatsleit(?:er|erin)|Der Oberbürgermeister|Die Oberbürgermeisterin)\b[^.!?]{0,40}$")]
    private static partial Regex OfficialRole();

    // "i. V.", "i.V.", "i. A." alone or before a name.
    [GeneratedRegex(@"^i\.\s?[VA]\.(?:\s+[\p{Lu}][\p{L}.\- ]{0,40})?$")]
    private static partial Regex DeputySign();
}
