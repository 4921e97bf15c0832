using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// Reads the Beratungsfolge: the committees an inquiry goes to, each with session date and status (Ö/N). Rows come
/// tab-separated ("Ausschuss … (zur Beantwortung)\t30.04.2026\tÖ"), as a Markdown table, one cell per line, or
/// flattened by PDF extraction onto one line. The committee that answers is the one marked "zur Beantwortung";
/// without such a mark, the first row.
/// </summary>
internal static partial class BeratungsfolgeReader
{
    // Column names and status words of the table: never a committee on their own.
    private static readonly string[] BeratungsfolgeWords =
    [
        "beratungsfolge", "beratungsfolge:", "sitzungstermin", "status", "datum", "gremium", "beschluss", "na", "ö/n", "sitzung",
        "erledigt", "offen", "geplant", "vertagt", "abgesetzt", "zurückgestellt", "ausstehend", "●", "○",
        "zur beantwortung", "zur kenntnis", "zur kenntnisnahme", "entscheidung", "vorberatung", "anhörung", "zur information", "beratung",
    ];

    private sealed class Row
    {
        public string? Committee { get; set; }

        public DateOnly? Date { get; set; }

        public Visibility? Status { get; set; }

        public bool Answers { get; set; }
    }

    public static (string? Committee, DateOnly? Date, Visibility? Status) Read(string[] lines)
    {
        var tokens = ReadTokens(lines);
        if (tokens is null)
        {
            return (null, null, null);
        }

        var rows = ToRows(tokens);
        var chosen = rows.FirstOrDefault(row => row.Answers && row.Committee is not null) ?? rows.FirstOrDefault();
        return chosen is null ? (null, null, null) : (chosen.Committee, chosen.Date, chosen.Status);
    }

    private static List<string>? ReadTokens(string[] lines)
    {
        var start = Array.FindIndex(lines, line => Beratungsfolge().IsMatch(line));
        if (start < 0)
        {
            return null;
        }

        var tokens = new List<string>();
        AddTokens(tokens, Beratungsfolge().Match(lines[start]).Groups["rest"].Value);
        for (var i = start + 1; i < lines.Length && i < start + 60; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                if (tokens.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (SectionAfterBeratungsfolge().IsMatch(line))
            {
                break;
            }

            AddTokens(tokens, line);
        }

        return tokens;
    }

    /// <summary>
    /// Groups the cells into rows: a committee after a row that already has its date starts the next row, and so
    /// does a second date. The role may sit inside the committee cell or in a cell of its own ("zur Beantwortung").
    /// </summary>
    private static List<Row> ToRows(List<string> tokens)
    {
        var rows = new List<Row>();
        var current = new Row();
        foreach (var token in tokens)
        {
            if (GermanDates.IsDate(token))
            {
                if (current.Date is not null)
                {
                    current = StartRow(rows, current);
                }

                current.Date = GermanDates.FindFirst(token);
                continue;
            }

            if (StatusToken().IsMatch(token))
            {
                current.Status ??= DocumentVocabulary.TryParseVisibility(token);
                continue;
            }

            if (IsCommitteeCandidate(token) && current.Date is not null)
            {
                current = StartRow(rows, current);
            }

            current.Answers |= token.Contains("Beantwortung", StringComparison.OrdinalIgnoreCase);
            if (IsCommitteeCandidate(token))
            {
                current.Committee = current.Committee is { } started && IsUnfinished(started)
                    ? CleanCommittee(started + " " + token)
                    : current.Committee ?? CleanCommittee(token);
            }
        }

        StartRow(rows, current);
        return rows.Where(row => row.Committee is not null || row.Date is not null).ToList();
    }

    // A long committee name wrapped in a PDF table cell: "Ausschuss für Finanzen, Personal und" / "Digitalisierung …".
    private static bool IsUnfinished(string committee) => UnfinishedName().IsMatch(committee);

    private static Row StartRow(List<Row> rows, Row finished)
    {
        rows.Add(finished);
        return new Row();
    }

    private static void AddTokens(List<string> tokens, string line)
    {
        foreach (var cell in CellSeparator().Split(line))
        {
            var token = cell.Trim();
            if (token.Length == 0 || token.Trim('-', ':', ' ').Length == 0)
            {
                continue;
            }

            // PDF and plain-text tables arrive flattened: "Ausschuss … (zur Beantwortung) 30.04.2026 Ö".
            if (GermanDates.Find(token) is { } found && !GermanDates.IsDate(token))
            {
                var before = token[..found.Index].Trim();
                var after = token[(found.Index + found.Length)..].Trim();
                if (before.Length > 0)
                {
                    tokens.Add(before);
                }

                tokens.Add(token.Substring(found.Index, found.Length));
                if (after.Length > 0)
                {
                    tokens.AddRange(after.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(1));
                }

                continue;
            }

            tokens.Add(token);
        }
    }

    private static bool IsCommitteeCandidate(string token)
    {
        var lower = token.ToLowerInvariant();

        // A header row flattened by PDF extraction ("Sitzungstermin Status") is made of column names only.
        var onlyHeaderWords = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(BeratungsfolgeWords.Contains);
        return token.Length >= 3 && token.Any(char.IsLetter) && !onlyHeaderWords && !lower.StartsWith("status", StringComparison.Ordinal);
    }

    /// <summary>Drops the role ("(zur Beantwortung)") and stray separators from a committee name.</summary>
    public static string? CleanCommittee(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = CommitteeRole().Replace(value, string.Empty);
        cleaned = Whitespace().Replace(cleaned, " ").Trim(' ', ',', ';', '-');
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex(@"^\|?\s*(?:Beratungsfolge)\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Beratungsfolge();

    [GeneratedRegex(@"^(?:Sachverhalt|Beschlussvorschlag|Begründung|Anlage/n|Anlagen|Reduzieren|Grunddaten)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SectionAfterBeratungsfolge();

    [GeneratedRegex(@"^(?:Ö|N|NÖ|öffentlich|nichtöffentlich|nicht\s+öffentlich)$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusToken();

    [GeneratedRegex(@"\t|\||\s{3,}")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"\s*\((?:zur\s+)?(?:Beantwortung|Kenntnis(?:nahme)?|Entscheidung|Vorberatung|Anhörung|Information|Beratung|Beschlussfassung)\)|\s+(?:zur\s+(?:Beantwortung|Kenntnis(?:nahme)?|Information)|Entscheidung|Vorberatung|Anhörung)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CommitteeRole();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:\b(?:und|für|der|des|im|in|zur|zum|sowie)|[,\-–])$", RegexOptions.IgnoreCase)]
    private static partial Regex UnfinishedName();
}
