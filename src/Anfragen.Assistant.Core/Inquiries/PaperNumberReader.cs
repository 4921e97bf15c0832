using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// A paper's OWN Drucksache number, read from its header only: the council system's header line
/// ("Anfrage (öffentlich) - 25-25403", "Stellungnahme - 24-24284-01", "Vorlage - 1656/12"), a heading that starts
/// with the paper's kind and number ("Drucksache 25-12615 – Mitteilung …", "Mitteilung 25-12615: …"), a number
/// field ("Drucksache: …", "Ds.-Nr.: …", "Vorlagen-Nr. …", the value also on the next line) or the letterhead block
/// ("Datum / Nummer / Öffentlich"). Numbers a paper cites are never its own: nothing in the body (from the
/// Sachverhalt on), nothing in a sentence ("Bezugnehmend auf die Mitteilung (Ds. 26-90001)"), nothing under another
/// label ("Bezug:", "Bezüglich:", "Betreff:", "vgl."), nothing in an attachment list, and for a Stellungnahme not the
/// number of the Anfrage or Antrag it answers ("Anfrage 24-11888 – …").
/// </summary>
internal static partial class PaperNumberReader
{
    // Without a recognisable body start, only the opening lines count as the header.
    private const int HeaderLinesWithoutBody = 25;
    private const int MaxHeaderLines = 120;

    public static string? Read(string[] lines, int bodyStart, bool isAnswer)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var end = Math.Min(lines.Length, bodyStart > 0 ? Math.Min(bodyStart, MaxHeaderLines) : HeaderLinesWithoutBody);
        var previous = string.Empty;
        var inAttachments = false;
        for (var i = 0; i < end; i++)
        {
            var line = lines[i].StartsWith("- ", StringComparison.Ordinal) ? lines[i][2..].Trim() : lines[i];
            if (line.Length == 0)
            {
                inAttachments = false;
                continue;
            }

            if (AttachmentHeading().IsMatch(line))
            {
                inAttachments = true;
                previous = line;
                continue;
            }

            if (inAttachments)
            {
                continue;
            }

            // A value on the line after another label ("Bezug:" / "Drucksache 24-11512") belongs to that label.
            var underOtherLabel = previous.EndsWith(':') && !NumberField().IsMatch(previous);
            if (!underOtherLabel && OwnNumber(line, isAnswer) is { } own)
            {
                return own;
            }

            if (NumberField().Match(line) is { Success: true } field && field.Groups["rest"].Value.Trim(':', '.', ' ', '\t').Length == 0
                && NextValue(lines, i + 1, end) is { } value && WholeNumber().IsMatch(value))
            {
                return value;
            }

            previous = line;
        }

        return ReadLetterhead(lines);
    }

    private static string? OwnNumber(string line, bool isAnswer)
    {
        var heading = Heading().Match(line);
        if (heading.Success && RestIsTitle(heading.Groups["rest"].Value))
        {
            // A Stellungnahme's header may name the Anfrage or Antrag it answers; that number is not the answer's.
            var kind = heading.Groups["kind"].Value;
            var answered = kind.Contains("anfrage", StringComparison.OrdinalIgnoreCase) || kind.Contains("antrag", StringComparison.OrdinalIgnoreCase);
            return isAnswer && answered ? null : heading.Groups["id"].Value;
        }

        var field = NumberField().Match(line);
        if (field.Success)
        {
            var value = Number().Match(field.Groups["rest"].Value.TrimStart(':', '.', ' ', '\t'));
            if (value.Success && value.Index == 0 && RestIsTitle(field.Groups["rest"].Value.TrimStart(':', '.', ' ', '\t')[value.Length..]))
            {
                return value.Value;
            }
        }

        return null;
    }

    // After the number only a separator and a title may follow ("– Mitteilung …", ": Hitzeaktionsplan", "(öffentlich)");
    // "Drucksache 24-11512 wurde beschlossen" is a sentence about another paper.
    private static bool RestIsTitle(string rest) => rest.Trim().Length == 0 || TitleSeparator().IsMatch(rest);

    private static string? NextValue(string[] lines, int start, int end)
    {
        for (var j = start; j < Math.Min(end + 2, lines.Length) && j < start + 3; j++)
        {
            var value = lines[j].TrimStart('-', ' ').Trim();
            if (value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The old council page's letterhead block: "Nummer" among "Datum", "Absender", "Öffentlich", with the number below.</summary>
    private static string? ReadLetterhead(string[] lines)
    {
        var index = Array.FindIndex(lines, 0, Math.Min(lines.Length, MaxHeaderLines), line => line == "Nummer");
        if (index < 0)
        {
            return null;
        }

        var around = lines.Skip(Math.Max(0, index - 8)).Take(16).Where(l => l.Length > 0);
        if (!around.Any(l => LetterheadWord().IsMatch(l)))
        {
            return null;
        }

        return lines.Skip(index + 1).Take(16).FirstOrDefault(line => WholeNumber().IsMatch(line));
    }

    // Drucksache numbers as council systems write them: "25-26577", "24-24284-01", "1656/12", "0123/2024", "VO/2024/0123".
    private const string NumberPattern = @"(?:[A-Z]{1,4}/)?\d{1,5}(?:[/-]\d{1,5}){1,3}";

    [GeneratedRegex(@"^(?<kind>Anfrage|Dringlichkeitsanfrage|Einwohneranfrage|Kleine\s+Anfrage|Antrag|Änderungsantrag|Dringlichkeitsantrag|Stellungnahme|Mitteilung(?:\s+außerhalb\s+von\s+Sitzungen)?|Beschlussvorlage|Informationsvorlage|Vorlage|Drucksache)\s*(?:\((?:öffentlich|nichtöffentlich|nicht\s+öffentlich)\))?\s*(?:Nr\.?\s*)?[-–:]?\s*(?<id>" + NumberPattern + @")(?![\d/-])(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:Drucksachen?\s*-?\s*(?:Nr\.?|nummer)|Drucksachennummer|Ds\.?\s*-?\s*Nr\.?|Drs\.?\s*-?\s*Nr\.?|Vorlagen?\s*-?\s*(?:Nr\.?|nummer)|Vorlagennummer|Drucksache)\s*(?<rest>[:.]?.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberField();

    [GeneratedRegex(NumberPattern)]
    private static partial Regex Number();

    [GeneratedRegex("^" + NumberPattern + "$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^\s*(?:[-–—:|,(]|\((?:öffentlich|nichtöffentlich|nicht\s+öffentlich)\))")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^Anlage(?:n|/n|\(n\))?\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentHeading();

    [GeneratedRegex(@"^(?:Datum|Absender|Öffentlich|Nichtöffentlich|Adressat)$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterheadWord();
}
