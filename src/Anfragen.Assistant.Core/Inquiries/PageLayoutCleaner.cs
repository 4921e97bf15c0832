using System.Globalization;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// Undoes what page layout and text extraction do to an inquiry before it is read: letterheads repeated at the top
/// of every PDF page land inside the question list, and flattened text puts a whole list on one line
/// ("… fragen wir: 1. Wie …? 2. Wann …?").
/// </summary>
internal static partial class PageLayoutCleaner
{
    // Letterheads stand among the first lines of the first page.
    private const int LetterheadLines = 15;

    public static string[] Clean(string[] lines) => SplitFlattenedLists(RemoveRepeatedLetterheads(lines));

    /// <summary>Drops later copies of a first-page header line (party letterhead, "Stadt X – Der Oberbürgermeister").</summary>
    private static string[] RemoveRepeatedLetterheads(string[] lines)
    {
        var header = lines.Where(line => line.Length >= 8).Take(LetterheadLines).Where(IsLetterheadCandidate).ToHashSet(StringComparer.Ordinal);
        if (header.Count == 0)
        {
            return lines;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (header.Contains(line) && !seen.Add(line))
            {
                continue;
            }

            kept.Add(line);
        }

        return kept.Count == lines.Length ? lines : [.. kept];
    }

    // Labels, list items, sentences and single words (table cells such as "Erledigt") are content, even when they repeat.
    private static bool IsLetterheadCandidate(string line) =>
        line.Contains(' ', StringComparison.Ordinal) && InquiryLines.Classify(line).Kind == MarkerKind.None && !line.Contains(':', StringComparison.Ordinal) && !InquiryLines.EndsWithPunctuation(line);

    /// <summary>Splits "1. Wie …? 2. Wann …? 3. Was …?" on one line into one line per question (numbers must run 1, 2, 3 …).</summary>
    private static string[] SplitFlattenedLists(string[] lines)
    {
        if (!lines.Any(line => InlineNumber().Count(line) >= 2))
        {
            return lines;
        }

        var result = new List<string>(lines.Length + 8);
        foreach (var line in lines)
        {
            result.AddRange(SplitLine(line));
        }

        return [.. result];
    }

    private static IEnumerable<string> SplitLine(string line)
    {
        var cuts = new List<int>();
        var expected = 1;
        foreach (Match match in InlineNumber().Matches(line))
        {
            if (int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) == expected)
            {
                cuts.Add(match.Groups["n"].Index);
                expected++;
            }
        }

        if (cuts.Count < 2)
        {
            yield return line;
            yield break;
        }

        var start = 0;
        foreach (var cut in cuts)
        {
            if (cut > start)
            {
                yield return line[start..cut].Trim();
            }

            start = cut;
        }

        yield return line[start..].Trim();
    }

    // A number at the line start or after a sentence end or colon, followed by a capitalised word: "? 2. Wann".
    [GeneratedRegex(@"(?:^|(?<=[?!.:]\s{1,3}))(?<n>\d{1,2})(?:\.|\)|\.\))\s+(?=\p{Lu})")]
    private static partial Regex InlineNumber();
}
