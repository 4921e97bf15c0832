using System.Text.RegularExpressions;
using Anfragen.Assistant.Inquiries;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Cuts the signature block ("i. V.", a name above "Stadtbaurat", "gez. …", "Anlage/n: keine") off the last answer of
/// a Stellungnahme: it is not part of the answer, and its words ("Stadtbaurat" → "bau") would make the passage match
/// questions it does not answer.
/// </summary>
internal static partial class AnswerTail
{
    public static string Trim(string answer)
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
