using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// Reads what a letter carries without labels: the address block ("An den Oberbürgermeister", "Stadt X" /
/// "Der Oberbürgermeister"), a heading "Anfrage der SPD-Fraktion zu …" standing in for the Betreff, and whether the
/// text is an answer (Stellungnahme) rather than an inquiry.
/// </summary>
internal static partial class LetterHeaderReader
{
    // The address block and headings sit at the top of a letter; further down the same words are signatures.
    private const int HeaderLines = 30;

    /// <summary>The addressee of an unlabelled address block, or null.</summary>
    public static string? ReadRecipient(string[] lines)
    {
        var top = Math.Min(lines.Length, HeaderLines);
        for (var i = 0; i < top; i++)
        {
            var line = lines[i];
            if (AddresseeLine().IsMatch(line))
            {
                // "An die Oberbürgermeisterin" / "der Stadt Musterstadt": a lowercase line continues the addressee.
                return i + 1 < lines.Length && lines[i + 1].Length > 0 && char.IsLower(lines[i + 1][0]) ? line + " " + lines[i + 1] : line;
            }

            // "Stadt X" directly above "Der Oberbürgermeister" is an address; the office alone is often the sender's letterhead.
            if (i > 0 && OfficeLine().IsMatch(line) && AuthorityLine().IsMatch(lines[i - 1]))
            {
                return lines[i - 1] + ", " + line;
            }
        }

        return null;
    }

    /// <summary>
    /// A date alone on a line of a letterhead ("15. April 2026"), before the Betreff. Council pages with a
    /// Beratungsfolge or a "Datum" block carry session dates on lines of their own, so they are left out.
    /// </summary>
    public static DateOnly? ReadStandaloneDate(string[] lines)
    {
        if (lines.Any(line => CouncilPageLine().IsMatch(line)))
        {
            return null;
        }

        foreach (var line in lines.Take(HeaderLines))
        {
            if (SubjectStart().IsMatch(line))
            {
                break;
            }

            if (GermanDates.IsDate(line))
            {
                return GermanDates.FindFirst(line);
            }
        }

        return null;
    }

    /// <summary>"Anfrage der SPD-Fraktion zu Schulwegen im Stadtbezirk Ost" → "Schulwegen im Stadtbezirk Ost".</summary>
    public static string? ReadHeadingSubject(string[] lines)
    {
        foreach (var line in lines.Take(HeaderLines))
        {
            var match = InquiryHeading().Match(line);
            if (match.Success && !SessionPhrase().IsMatch(match.Groups["s"].Value))
            {
                return match.Groups["s"].Value.Trim().Trim('„', '“', '"', '»', '«', ' ');
            }
        }

        return null;
    }

    /// <summary>
    /// A Stellungnahme states that it answers ("wird wie folgt beantwortet", "nimmt … wie folgt Stellung") or is headed
    /// so; its "1. …?" lines are quoted questions with answers, not an inquiry. The past tense ("wurde … beantwortet")
    /// is an inquiry quoting an earlier answer.
    /// </summary>
    public static bool IsAnswer(string[] lines) =>
        lines.Take(HeaderLines).Any(line => AnswerHeading().IsMatch(line))
        || lines.Any(line => AnswerFormula().IsMatch(line))

        // "Zu 1.:" / "Antwort:" paragraphs, at least two, answer quoted questions one by one.
        || lines.Count(line => AnswerMarker().IsMatch(line)) >= 2;

    [GeneratedRegex(@"^\|?\s*(?:Beratungsfolge|Grunddaten|Datum|Sitzungstermin|Gremium|Status)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CouncilPageLine();

    [GeneratedRegex(@"^(?:Betreff|Sachverhalt|Sehr\s+geehrte)", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectStart();

    [GeneratedRegex(@"^(?:An\s+(?:den|die|das)\s+(?:Herrn\s+|Frau\s+)?|Herrn\s+|Frau\s+)(?:Ober)?(?:bürgermeister(?:in)?|Landrat|Landrätin|Rat\b|Magistrat|Gemeinderat|Stadtrat|Verwaltung|Vorsitzenden?)", RegexOptions.IgnoreCase)]
    private static partial Regex AddresseeLine();

    [GeneratedRegex(@"^(?:Der|Die)\s+(?:Ober)?(?:bürgermeister(?:in)?|Landrat|Landrätin)$", RegexOptions.IgnoreCase)]
    private static partial Regex OfficeLine();

    [GeneratedRegex(@"^(?:Stadt|Landeshauptstadt|Hansestadt|Gemeinde|Landkreis|Kreisstadt|Universitätsstadt)\s+\p{Lu}[\p{L} .\-]{1,40}$")]
    private static partial Regex AuthorityLine();

    [GeneratedRegex(@"^(?:Dringlichkeits|Einwohner)?[Aa]nfrage\s+(?:(?:der|des|von)\s+.{2,80}?\s+)?(?:zu(?:m|r)?\s+(?:Thema\s+)?|betreffend\s+|betr\.\s+|bezüglich\s+|über\s+)(?<s>\S.{3,200})$")]
    private static partial Regex InquiryHeading();

    [GeneratedRegex(@"^(?:der\s+|die\s+)?(?:Sitzung|Ratssitzung|nächsten\s+Sitzung)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SessionPhrase();

    /// <summary>An Antrag (motion): headed so, or carrying a Beschlussvorschlag; its requests to the administration are resolutions.</summary>
    public static bool IsMotion(string[] lines) =>
        lines.Take(HeaderLines).Any(line => MotionHeading().IsMatch(line)) || lines.Any(line => ResolutionLine().IsMatch(line));

    [GeneratedRegex(@"^(?:Änderungs|Dringlichkeits|Ergänzungs)?[Aa]ntrag(?:\s+(?:der|des|von)\b|\s*\(|\s*[-–:]|\s*$)")]
    private static partial Regex MotionHeading();

    [GeneratedRegex(@"^(?:Beschlussvorschlag\s*:?\s*$|Der\s+Rat\s+(?:möge|wolle)\s+beschließen|Der\s+(?:Rat|Ausschuss|Stadtbezirksrat)\s+beschließt\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ResolutionLine();

    [GeneratedRegex(@"^(?:Stellungnahme(?:\s+der\s+Verwaltung)?|Antwort\s+der\s+Verwaltung)\s*:?$|^Stellungnahme\s*(?:\([^)]*\))?\s*[-–]\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerHeading();

    [GeneratedRegex(@"^(?:Zu\s+(?:Frage\s*)?\d{1,2}\s*(?:\.\s*:?|:|\))|Antwort(?:\s+(?:zu|auf)\s+(?:Frage\s*)?\d{1,2}\.?)?\s*:)", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerMarker();

    [GeneratedRegex(@"\b(?:wird|werden|nimmt|nehme|nehmen)\b(?:(?!gebeten|bitte).){0,80}\bwie\s+folgt\s+(?:Stellung|beantwortet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerFormula();
}
