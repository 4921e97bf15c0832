using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Inquiries;

/// <summary>The header facts of an inquiry, whichever layout carried them.</summary>
internal sealed record InquiryMetadata(
    string? Id,
    string? Subject,
    string? Recipient,
    DateOnly? Date,
    string? Committee,
    DateOnly? SessionDate,
    Visibility? Visibility,
    int BodyStart,
    bool IsAnswer,
    bool IsMotion);

/// <summary>
/// Reads subject, recipient, date, Beratungsfolge and visibility from the three layouts we meet: the letter form of
/// the seeds ("Betreff:" with the value on the next lines, a tab-separated Beratungsfolge row with Ö/N), the
/// council system page (header "Anfrage (öffentlich) - 25-25403", "- Betreff:" Grunddaten, a Beratungsfolge table
/// of one cell per line), and the older page with a letterhead block ("Datum", "Adressat", "Gremium", "Betreff").
/// </summary>
internal static partial class InquiryMetadataReader
{
    public static InquiryMetadata Read(string[] lines)
    {
        var headerVisibility = ReadHeaderVisibility(lines);
        var bodyStart = FindBodyStart(lines);
        var isAnswer = LetterHeaderReader.IsAnswer(lines);
        var id = PaperNumberReader.Read(lines, bodyStart, isAnswer);
        var subject = ReadField(lines, SubjectLabel(), 3) ?? ReadLetterheadValue(lines, LetterheadSubject(), " ") ?? LetterHeaderReader.ReadHeadingSubject(lines);
        var recipient = ReadField(lines, RecipientLabel(), 4, ", ") ?? ReadLetterheadValue(lines, LetterheadRecipient(), ", ") ?? LetterHeaderReader.ReadRecipient(lines);
        var date = GermanDates.FindFirst(ReadField(lines, DateLabel(), 2)) ?? ReadLetterheadDate(lines) ?? ReadDateLine(lines) ?? LetterHeaderReader.ReadStandaloneDate(lines) ?? ReadSenderLineDate(lines);
        var (committee, sessionDate, status) = BeratungsfolgeReader.Read(lines);
        if (committee is null || sessionDate is null)
        {
            var (letterCommittee, letterDate) = ReadLetterheadSession(lines);
            committee ??= letterCommittee;
            sessionDate ??= letterDate;
        }

        committee ??= BeratungsfolgeReader.CleanCommittee(ReadField(lines, CommitteeLabel(), 2));
        sessionDate ??= GermanDates.FindFirst(ReadField(lines, SessionLabel(), 2));
        var visibility = status ?? headerVisibility ?? ReadStatusVisibility(lines);
        return new InquiryMetadata(id, Clean(subject), Clean(recipient), date, committee, sessionDate, visibility, bodyStart, isAnswer, LetterHeaderReader.IsMotion(lines));
    }

    /// <summary>The visibility in the council system's header line ("Anfrage (öffentlich) - 25-25403"); its number is read by <see cref="PaperNumberReader"/>.</summary>
    private static Visibility? ReadHeaderVisibility(string[] lines)
    {
        foreach (var line in lines.Take(60))
        {
            var match = Header().Match(line);
            if (match.Success)
            {
                return match.Groups["v"].Success ? DocumentVocabulary.TryParseVisibility(match.Groups["v"].Value) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// "Betreff: value", or "Betreff:" / "- Betreff:" with the value on the following lines (up to an empty line or
    /// the next label). Grunddaten dashes ("-", "- öffentlich") are removed.
    /// </summary>
    private static string? ReadField(string[] lines, Regex label, int maxLines, string separator = " ")
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = label.Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var rest = match.Groups["rest"].Value.Trim();
            if (rest.Length > 0)
            {
                return rest;
            }

            var values = new List<string>();
            for (var j = i + 1; j < lines.Length && values.Count < maxLines; j++)
            {
                var line = lines[j];
                if (line is "-" or "|")
                {
                    continue;
                }

                if (line.Length == 0)
                {
                    if (values.Count > 0)
                    {
                        break;
                    }

                    continue;
                }

                if (AnyLabel().IsMatch(line))
                {
                    break;
                }

                values.Add(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..].Trim() : line);
            }

            if (values.Count > 0)
            {
                return string.Join(separator, values);
            }
        }

        return null;
    }

    /// <summary>Letterhead blocks put the label alone on a line ("Betreff", "Adressat") and the value after filler lines.</summary>
    private static string? ReadLetterheadValue(string[] lines, Regex label, string separator)
    {
        var index = Array.FindIndex(lines, line => label.IsMatch(line));
        if (index < 0)
        {
            return null;
        }

        // Filler lines first, then the value: consecutive lines up to the next empty line.
        var start = Array.FindIndex(lines, index + 1, line => line.Length > 0);
        if (start < 0 || start > index + 12 || AnyLabel().IsMatch(lines[start]) || LetterheadWord().IsMatch(lines[start]))
        {
            return null;
        }

        var values = lines.Skip(start).TakeWhile(line => line.Length > 0 && !AnyLabel().IsMatch(line)).Take(4);
        return string.Join(separator, values);
    }

    private static DateOnly? ReadLetterheadDate(string[] lines)
    {
        var index = Array.FindIndex(lines, line => line == "Datum");
        return index < 0 ? null : lines.Skip(index + 1).Take(16).Select(GermanDates.FindFirst).FirstOrDefault(date => date is not null);
    }

    /// <summary>The date in a heading line such as "Anfrage der CDU-Fraktion vom 10.03.2026", near the top.</summary>
    private static DateOnly? ReadSenderLineDate(string[] lines) =>
        lines.Take(15).Select(l => SenderLine().Match(l)).Where(m => m.Success).Select(m => GermanDates.FindFirst(m.Groups["date"].Value)).FirstOrDefault(d => d is not null);

    /// <summary>A dateline such as "Braunschweig, 15.04.2026" or "Braunschweig, den 15. April 2026".</summary>
    private static DateOnly? ReadDateLine(string[] lines)
    {
        foreach (var line in lines.Take(80))
        {
            var match = DateLine().Match(line);
            if (match.Success && GermanDates.FindFirst(match.Groups["date"].Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static (string? Committee, DateOnly? Date) ReadLetterheadSession(string[] lines)
    {
        var index = Array.FindIndex(lines, line => line is "Gremium" or "Sitzungstermin");
        if (index < 0)
        {
            return (null, null);
        }

        string? committee = null;
        DateOnly? date = null;
        foreach (var line in lines.Skip(index + 1).Where(l => l.Length > 0).Take(6))
        {
            if (line is "Gremium" or "Sitzungstermin")
            {
                continue;
            }

            if (AnyLabel().IsMatch(line) || LetterheadWord().IsMatch(line))
            {
                break;
            }

            if (GermanDates.IsDate(line))
            {
                date ??= GermanDates.FindFirst(line);
            }
            else
            {
                committee ??= BeratungsfolgeReader.CleanCommittee(line);
            }
        }

        return (committee, date);
    }

    private static Visibility? ReadStatusVisibility(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = StatusField().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["rest"].Value;
            if (value.Length == 0 && i + 1 < lines.Length)
            {
                value = lines[i + 1].TrimStart('-', ' ');
            }

            var visibility = VisibilityWord().Match(value);
            if (visibility.Success)
            {
                return DocumentVocabulary.TryParseVisibility(visibility.Value);
            }
        }

        return null;
    }

    /// <summary>Where the body (Sachverhalt) begins: after "Sachverhalt:", else after the letterhead's subject, else at the top.</summary>
    private static int FindBodyStart(string[] lines)
    {
        var withColon = Array.FindIndex(lines, line => SachverhaltHeading().IsMatch(line) && line.Contains(':', StringComparison.Ordinal));
        if (withColon >= 0)
        {
            return withColon + 1;
        }

        var letterhead = Array.FindIndex(lines, line => LetterheadSubject().IsMatch(line));
        if (letterhead >= 0)
        {
            var value = Array.FindIndex(lines, letterhead + 1, line => line.Length > 0 && !LetterheadWord().IsMatch(line));
            return value < 0 ? letterhead + 1 : value + 1;
        }

        var bare = Array.FindIndex(lines, line => SachverhaltHeading().IsMatch(line));
        return bare >= 0 ? bare + 1 : 0;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = Whitespace().Replace(value.Replace("**", string.Empty, StringComparison.Ordinal), " ").Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex(@"^(?:Anfrage|Dringlichkeitsanfrage|Einwohneranfrage|Vorlage|Beschlussvorlage|Stellungnahme|Mitteilung(?:\s+außerhalb\s+von\s+Sitzungen)?|Antrag|Änderungsantrag|Dringlichkeitsantrag)\s*(?:\((?<v>öffentlich|nichtöffentlich|nicht\s+öffentlich)\))?\s*[-–]\s*(?<id>\d{2}-\d{5}(?:-\d{2}){0,2}|\d{1,5}/\d{2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    [GeneratedRegex(@"^-?\s*(?:Betreff|Betr\.|Thema)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectLabel();

    [GeneratedRegex(@"^-?\s*(?:Empfänger(?:in)?|Adressat(?:in)?)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientLabel();

    [GeneratedRegex(@"^-?\s*Datum\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"^-?\s*(?:Gremium|Ausschuss)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommitteeLabel();

    [GeneratedRegex(@"^-?\s*(?:Sitzungstermin|Sitzungsdatum|Sitzung\s+am)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SessionLabel();

    [GeneratedRegex(@"^-?\s*Status\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusField();

    [GeneratedRegex(@"^(?:Betreff(?:\s*/\s*Beschlussvorschlag)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterheadSubject();

    [GeneratedRegex(@"^(?:Adressat|Empfänger)$")]
    private static partial Regex LetterheadRecipient();

    [GeneratedRegex(@"^(?:Anfrage|Datum|Nummer|Öffentlich|Nichtöffentlich|Absender|Adressat|Empfänger|Gremium|Sitzungstermin|Betreff(?:\s*/\s*Beschlussvorschlag)?|\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterheadWord();

    [GeneratedRegex(@"^-?\s*(?:Betreff|Empfänger(?:in)?|Adressat(?:in)?|Absender|Datum|Beratungsfolge|Sachverhalt|Status|Vorlageart|Vorlage-Art|Federführend|Beteiligt|Verantwortlich|Anlage/n|Anlagen?|Begründung|Gremium|Sitzungstermin|Nummer|Bezug|Bezüglich|Grunddaten)\b\s*:?(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AnyLabel();

    [GeneratedRegex(@"nicht\s*öffentlich|nichtöffentlich|öffentlich", RegexOptions.IgnoreCase)]
    private static partial Regex VisibilityWord();

    [GeneratedRegex(@"^(?:#+\s*)?Sachverhalt\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SachverhaltHeading();

    [GeneratedRegex(@"^[\p{L} .\-]{2,40},\s*(?:den\s+)?(?<date>\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+\.?)\s*\d{2,4})\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\s*(?:Anfrage|Dringlichkeitsanfrage|Kleine Anfrage)\b.{0,120}?\bvom\s+(?<date>\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+\.?)\s*\d{2,4})", RegexOptions.IgnoreCase)]
    private static partial Regex SenderLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
