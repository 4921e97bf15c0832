using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Reads the citation markers of a draft ("[1]", "[1, 2]", "[1][2]") and checks them against the passages the model was
/// shown: a number without a passage is invalid; a quotation („…“ or "…") attributed to markers (the markers that follow it,
/// or else precede it, in the same line) must appear in one of those passages after whitespace and Unicode normalisation,
/// otherwise those markers are invalid. Only valid markers become <see cref="Citation"/>s. Pure and thread-safe.
/// </summary>
public sealed partial class CitationValidator
{
    // How far a marker may stand from the quotation it vouches for ("…“, so die Verwaltung [2]").
    private const int AttributionWindow = 120;

    public CitationCheck Validate(string text, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(passages);
        var byNumber = passages.ToDictionary(p => p.Number);
        var groups = MarkerGroup().Matches(text)
            .Select(m => new MarkerGroupAt(m.Index, m.Index + m.Length, ParseNumbers(m.Groups["n"].Value)))
            .ToList();

        var order = new List<int>();
        var invalid = new HashSet<int>();
        foreach (var number in groups.SelectMany(g => g.Numbers))
        {
            if (!order.Contains(number))
            {
                order.Add(number);
            }

            if (!byNumber.ContainsKey(number))
            {
                invalid.Add(number);
            }
        }

        foreach (Match quote in Quotation().Matches(text))
        {
            var quoted = quote.Groups["q"].Value;
            var attributed = Attributed(text, quote, groups);
            if (attributed.Count == 0 || Normalize(quoted).Length < 3)
            {
                continue;
            }

            var found = attributed.Any(n => byNumber.TryGetValue(n, out var passage) && Contains(passage.Text, quoted));
            if (!found)
            {
                invalid.UnionWith(attributed);
            }
        }

        var citations = order.Where(n => !invalid.Contains(n))
            .Select(n => byNumber[n])
            .Select(p => new Citation(p.Marker, p.Chunk.DocumentId, p.Chunk.ChunkId, p.Chunk.Title, p.Chunk.Text))
            .ToList();
        var invalidMarkers = order.Where(invalid.Contains).Select(n => $"[{n}]").ToList();
        return new CitationCheck(citations, invalidMarkers);
    }

    /// <summary>Whether <paramref name="quote"/> occurs in <paramref name="source"/>; an ellipsis inside the quote separates parts that must occur in order.</summary>
    public static bool Contains(string source, string quote)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(quote);
        var haystack = Normalize(source);
        var position = 0;
        foreach (var part in Ellipsis().Split(Normalize(quote)).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var at = haystack.IndexOf(part, position, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            position = at + part.Length;
        }

        return true;
    }

    /// <summary>NFKC, lower case, quotation marks dropped, dashes unified, soft hyphens and zero-width characters removed, whitespace collapsed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            var mapped = c switch
            {
                '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => '\0',
                '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2018' or '\u2019' or '\u201A' or '\u201B'
                    or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '`' or '\u00B4' => '\0',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            };
            if (mapped == '\0')
            {
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(mapped);
        }

        return result.ToString();
    }

    private static List<int> Attributed(string text, Match quote, List<MarkerGroupAt> groups)
    {
        var end = quote.Index + quote.Length;
        var after = groups.Where(g => g.Start >= end && g.Start - end <= AttributionWindow && !text.AsSpan(end, g.Start - end).ContainsAny('\n', '„', '“'))
            .ToList();
        if (after.Count > 0)
        {
            // The markers right after the quotation, including runs like "[1][2]" or "[1], [2]".
            var first = after[0];
            var run = new List<int>(first.Numbers);
            var last = first.End;
            foreach (var next in after.Skip(1))
            {
                if (next.Start - last > 3)
                {
                    break;
                }

                run.AddRange(next.Numbers);
                last = next.End;
            }

            return run;
        }

        var before = groups.LastOrDefault(g => g.End <= quote.Index && quote.Index - g.End <= AttributionWindow && !text.AsSpan(g.End, quote.Index - g.End).Contains('\n'));
        return before is null ? [] : [.. before.Numbers];
    }

    private static int[] ParseNumbers(string value) =>
        [.. value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\[(?<n>\s*\d{1,4}\s*(?:[,;]\s*\d{1,4}\s*)*)\]")]
    private static partial Regex MarkerGroup();

    // German „…“ (closing also ” or "), English “…”, straight "…", guillemets »…« and «…»; one line at most.
    [GeneratedRegex("„(?<q>[^“”\"\\n]{1,2000})[“”\"]|“(?<q>[^”„\\n]{1,2000})”|\"(?<q>[^\"\\n]{1,2000})\"|»(?<q>[^«\\n]{1,2000})«|«(?<q>[^»\\n]{1,2000})»")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\[?\(?\.\.\.\)?\]?")]
    private static partial Regex Ellipsis();

    private sealed record MarkerGroupAt(int Start, int End, int[] Numbers);
}
