using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>How a line starts: a question number ("1.", "1)", "Frage 1:"), a bullet, a letter ("a)"), or plain text.</summary>
internal enum MarkerKind
{
    None,
    Number,
    Bullet,
    Letter,
}

/// <summary>A list marker found at the start of a line; <see cref="Weak"/> numbers ("2Warum") only count inside a running list.</summary>
internal readonly record struct LineMarker(MarkerKind Kind, int Number, string Marker, string Rest, bool Weak);

/// <summary>Normalises inquiry text into trimmed lines and classifies them (list markers, page furniture, signature, stops).</summary>
internal static partial class InquiryLines
{
    public static string[] Split(string text)
    {
        var normalized = text.ReplaceLineEndings("\n")
            .Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2007', ' ')
            .Replace("\u00AD", string.Empty, StringComparison.Ordinal)
            .Replace("\u200B", string.Empty, StringComparison.Ordinal)
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        var lines = normalized.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = CleanLine(lines[i]);
        }

        return lines;
    }

    /// <summary>Trims and strips Markdown emphasis and heading marks; tabs inside the line are kept (table rows).</summary>
    public static string CleanLine(string line)
    {
        var cleaned = line.Trim();
        cleaned = MarkdownHeading().Replace(cleaned, string.Empty);
        cleaned = MarkdownStrong().Replace(cleaned, "$2");
        cleaned = MarkdownEscape().Replace(cleaned, "$1");
        return cleaned.Trim();
    }

    public static bool IsBlank(string line) => line.Length == 0;

    public static LineMarker Classify(string line)
    {
        // "1. März 2000" in a table of dates is a date, not question 1.
        if (line.Length > 0 && char.IsAsciiDigit(line[0]) && GermanDates.Find(line) is { Index: 0 })
        {
            return new LineMarker(MarkerKind.None, 0, string.Empty, line, Weak: false);
        }

        var match = NumberMarker().Match(line);
        if (match.Success)
        {
            return new LineMarker(MarkerKind.Number, ParseNumber(match.Groups["n"].Value), match.Groups["m"].Value, match.Groups["rest"].Value.Trim(), Weak: false);
        }

        match = DashNumber().Match(line);
        if (match.Success)
        {
            return new LineMarker(MarkerKind.Number, ParseNumber(match.Groups["n"].Value), match.Groups["m"].Value, match.Groups["rest"].Value.Trim(), Weak: false);
        }

        match = RomanNumber().Match(line);
        if (match.Success)
        {
            return new LineMarker(MarkerKind.Number, RomanValue(match.Groups["n"].Value), match.Groups["m"].Value, match.Groups["rest"].Value.Trim(), Weak: false);
        }

        match = GluedNumber().Match(line);
        if (match.Success)
        {
            return new LineMarker(MarkerKind.Number, ParseNumber(match.Groups["n"].Value), match.Groups["n"].Value, match.Groups["rest"].Value.Trim(), Weak: true);
        }

        match = BulletMarker().Match(line);
        if (match.Success)
        {
            return new LineMarker(MarkerKind.Bullet, 0, match.Groups["m"].Value, match.Groups["rest"].Value.Trim(), Weak: false);
        }

        match = LetterMarker().Match(line);
        if (match.Success)
        {
            return new LineMarker(MarkerKind.Letter, char.ToLowerInvariant(match.Groups["l"].Value[0]) - 'a' + 1, match.Groups["m"].Value, match.Groups["rest"].Value.Trim(), Weak: false);
        }

        return new LineMarker(MarkerKind.None, 0, string.Empty, line, Weak: false);
    }

    /// <summary>Page numbers, "Seite 1 von 2", navigation words of the council system, rules: skipped, never part of a question.</summary>
    public static bool IsFurniture(string line) => Furniture().IsMatch(line);

    /// <summary>Where the questions end for certain: signature, attachments, a following section.</summary>
    public static bool IsHardStop(string line) => HardStop().IsMatch(line);

    /// <summary>A role line under a signature ("Fraktionsvorsitzender").</summary>
    public static bool IsRoleLine(string line) => line.Length <= 80 && RoleLine().IsMatch(line);

    /// <summary>"Klaus Mustermann", "Dr. Eva Beispiel": two to four capitalised words and nothing else.</summary>
    public static bool IsNameLine(string line) => line.Length <= 45 && NameLine().IsMatch(line);

    /// <summary>A party or group line of a signature ("BÜNDNIS 90 / DIE GRÜNEN", "SPD-Fraktion").</summary>
    public static bool IsPartyLine(string line) => line.Length <= 60 && PartyLine().IsMatch(line) && !EndsWithPunctuation(line);

    /// <summary>Closing sentences after the list ("Wir bitten um schriftliche Beantwortung.").</summary>
    public static bool IsClosingRemark(string line) => ClosingRemark().IsMatch(line) && !line.Contains("folgend", StringComparison.OrdinalIgnoreCase);

    public static bool EndsWithPunctuation(string line)
    {
        var trimmed = TrimClosers(line);
        return trimmed.Length > 0 && trimmed[^1] is '.' or '?' or '!' or ':' or ';' or ',';
    }

    /// <summary>Whether a question text reads as finished: ends with '?', '.' or '!' (closing quotes and brackets ignored).</summary>
    public static bool IsComplete(string text)
    {
        var trimmed = TrimClosers(text);
        return trimmed.Length > 0 && trimmed[^1] is '?' or '.' or '!';
    }

    public static bool EndsWithQuestionMark(string text)
    {
        var trimmed = TrimClosers(text);
        return trimmed.Length > 0 && trimmed[^1] == '?';
    }

    /// <summary>
    /// Joins the lines of one question with single spaces. A word hyphenated at the line end ("Verkehrs-" +
    /// "beruhigung", typical of PDF text) is joined back, but not before a conjunction ("Personal-" + "und Sachkosten").
    /// </summary>
    public static string Join(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (IsHyphenatedBreak(builder, part))
            {
                builder.Length -= 2;
            }
            else if (IsCompoundBreak(builder, part))
            {
                builder.Length -= 1;
            }

            foreach (var c in part)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (builder.Length > 0 && builder[^1] != ' ')
                    {
                        builder.Append(' ');
                    }
                }
                else
                {
                    builder.Append(c);
                }
            }

            if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    // The builder ends with "letter- " and the next part starts with a lowercase word that is not a conjunction.
    private static bool IsHyphenatedBreak(StringBuilder builder, string next)
    {
        if (builder.Length < 3 || builder[^1] != ' ' || builder[^2] != '-' || !char.IsLetter(builder[^3]) || next.Length == 0 || !char.IsLower(next[0]))
        {
            return false;
        }

        var word = ConjunctionAfterHyphen().Match(next);
        return !word.Success;
    }

    // "Radwege-" + "Offensive": a compound split after its hyphen keeps the hyphen and loses the space.
    private static bool IsCompoundBreak(StringBuilder builder, string next) =>
        builder.Length >= 3 && builder[^1] == ' ' && builder[^2] == '-' && char.IsLetter(builder[^3]) && next.Length > 0 && char.IsUpper(next[0]);

    private static int RomanValue(string roman) => roman.ToUpperInvariant() switch
    {
        "I" => 1, "II" => 2, "III" => 3, "IV" => 4, "V" => 5, "VI" => 6, "VII" => 7, "VIII" => 8, "IX" => 9, "X" => 10, "XI" => 11, _ => 12,
    };

    private static string TrimClosers(string text) => text.TrimEnd(' ', '\t', '"', '“', '”', '„', '\'', '’', '‘', '»', '«', ')', ']', '*');

    private static int ParseNumber(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"(\*\*|__)(.*?)\1")]
    private static partial Regex MarkdownStrong();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>])")]
    private static partial Regex MarkdownEscape();

    // "1.", "1)", "1.)", "(1)", "1:", "Frage 1:", "Frage 1", "1." alone (text on the next line). Not "1.1.15" or "10:30".
    [GeneratedRegex(@"^(?<m>(?:Frage\s*(?<n>\d{1,2})\s*(?:[.):\-–]\)?)?|\(?(?<n>\d{1,2})\s*(?:\.\)|\)|\.(?!\d)|:(?!\d))))(?:\s+|$|(?=[^\d\s.)]))(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberMarker();

    // "1 - Wie …", "1 – Wie …": a dash after the number, then a word (not "1 - 3 Personen").
    [GeneratedRegex(@"^(?<m>(?<n>\d{1,2})\s+[-–])\s+(?<rest>\p{L}.*)$")]
    private static partial Regex DashNumber();

    // "I. Wie …", "II) Wann …": Roman numerals up to XII, followed by a capitalised word.
    [GeneratedRegex(@"^(?<m>\(?(?<n>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*(?:\.\)|\)|\.))\s+(?<rest>\p{Lu}.*)$")]
    private static partial Regex RomanNumber();

    [GeneratedRegex(@"^(?:und|oder|bzw\.?|sowie|bis|als|wie|noch|statt|anstatt)\b")]
    private static partial Regex ConjunctionAfterHyphen();

    // Lost punctuation in converted files: "2Warum sollen …".
    [GeneratedRegex(@"^(?<n>\d{1,2})\s*(?<rest>[A-ZÄÖÜ][a-zäöüß]+\b.*)$")]
    private static partial Regex GluedNumber();

    // Word's symbol-font bullets arrive in PDF text as private-use characters (U+F0B7, U+F0A7 …) or as "o".
    [GeneratedRegex(@"^(?<m>[-•–—*·▪►■□➢➤✓◦‣⁃\uF0B7\uF0A7\uF0D8\uF076\uF0FC\uF0A8]|o(?=\s+\p{Lu}))\s*(?<rest>\S.*)$")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^(?<m>\(?(?<l>[a-k])\s*[).]|\(?(?<l>[A-K])\s*\))\s+(?<rest>\S.*)$")]
    private static partial Regex LetterMarker();

    [GeneratedRegex(@"^(?:Seite\s+\d+(?:\s*(?:von|/)\s*\d+)?|-?\s*\d{1,3}\s*-?|Reduzieren|Loading\.*|ALLRIS\s*-\s*Vorlage|Erweitern|[-_*=|]{1,}|●)$", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^(?:gez\.?:?(?:\s|$)|gezeichnet\b|(?:mit\s+)?freundliche[mn]?\s+grü(?:ß|ss)(?:en|e)?\b|(?:freundliche|viele|beste|herzliche|liebe)\s+grü(?:ß|ss)e|mfg\b|anlage(?:n|/n|\(n\))?\s*:?\s*$|anlagen?\s*:|anlage\s+\d|anlagen?\s*-?\s*keine|stammbaum\b|erläuterungen und hinweise|(?:begründung|sachverhalt|beschlussvorschlag|beschluss|bezug|hinweis)\s*:?\s*$|verteiler\s*:)", RegexOptions.IgnoreCase)]
    private static partial Regex HardStop();

    [GeneratedRegex(@"^(?:stellv\.\s*|stellvertretende[r]?\s+)?(?:fraktionsvorsitz|fraktionsgeschäftsführ|fraktionssprecher|gruppenvorsitz|gruppensprecher|vorsitzende[r]?\b|ratsherr\b|ratsfrau\b|ratsmitglied\b|bezirksratsmitglied\b|bezirksbürgermeister|für die (?:fraktion|gruppe)\b|im auftrag\b|i\.\s?a\.)", RegexOptions.IgnoreCase)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"^(?:(?:Dr|Prof)\.\s*)*[A-ZÄÖÜ][\p{Ll}'’\-]+(?:\s+(?:(?:von|van|de|zu|der|den)\s+)?[A-ZÄÖÜ][\p{Ll}'’\-]+\.?){1,3}$")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^(?:BÜNDNIS|Bündnis\s*90|CDU|CSU|SPD|FDP|AfD|DIE\s+LINKE|Die\s+Linke|DIE\s+GRÜNEN|Die\s+Grünen|BIBS|Volt|Die\s+PARTEI|Piraten|Freie\s+Wähler|Fraktion\b|Gruppe\b|[\p{L}0-9 /.]{2,30}-(?:Fraktion|Ratsfraktion|Gruppe)\b)")]
    private static partial Regex PartyLine();

    // "Wir bitten um schriftliche Beantwortung.", "Die Beantwortung kann auch schriftlich erfolgen.", "Vielen Dank …".
    [GeneratedRegex(@"^(?:(?:wir\s+bitten|ich\s+bitte|um)\b.{0,80}\bbeantwortung\b.{0,60}(?:\.|gebeten\.?)|(?:die|eine)\s+(?:\p{L}+\s+)?beantwortung\b[^?]{0,100}[.!]|(?:vielen|besten|herzlichen)\s+dank\b[^?]{0,100}|(?:wir|ich)\s+(?:bedanken|danken)\b[^?]{0,100})$", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingRemark();
}
