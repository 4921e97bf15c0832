using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// Turns the assistant's citation markers into what a reader outside the tool understands. "[1]" (also "[1][2]" and
/// "[1, 2]") becomes "(vgl. Ds. 23-10230-01)" — the cited paper's Drucksache number, or its title in quotes when it has
/// none — or is removed (<see cref="CitationStyle.Remove"/>). A marker that points to no citation is always removed: a
/// letter never carries a dangling "[3]". A marker opening a paragraph (extractive drafts before version 2 put it there)
/// moves to the end of that paragraph.
/// </summary>
public static partial class CitationReferences
{
    public static string Apply(string paragraph, IReadOnlyList<Citation> citations, CitationStyle style)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(citations);
        var text = paragraph.Trim();
        string? leading = null;
        var opening = MarkerGroup().Match(text);
        if (opening.Success && opening.Index == 0)
        {
            leading = Reference(opening.Value, citations, style);
            text = text[opening.Length..].TrimStart();
        }

        text = MarkerGroup().Replace(text, m => Reference(m.Value, citations, style));
        text = leading is { Length: > 0 } ? text + leading : text;

        // A passage taken from an earlier letter may already end in "(vgl. …)": one reference list, not two in a row.
        return AdjacentReferences().Replace(text, m =>
        {
            var names = m.Groups["a"].Value.Split("; ").Concat(m.Groups["b"].Value.Split("; ")).Distinct(StringComparer.Ordinal);
            return $"(vgl. {string.Join("; ", names)}){m.Groups[1].Value}";
        });
    }

    /// <summary>"Ds. 23-10230-01" for a paper with a Drucksache number, else its title in German quotes.</summary>
    public static string Name(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return DrucksacheNumber().IsMatch(citation.DocumentId) ? $"Ds. {citation.DocumentId}"
            : string.IsNullOrWhiteSpace(citation.Title) ? citation.DocumentId
            : $"„{citation.Title.Trim()}“";
    }

    // The whole group, with the space before it: "Satz [1][2]." → "Satz (vgl. Ds. A; Ds. B)." or "Satz.".
    private static string Reference(string group, IReadOnlyList<Citation> citations, CitationStyle style)
    {
        if (style == CitationStyle.Remove)
        {
            return string.Empty;
        }

        var names = Number().Matches(group)
            .Select(m => citations.FirstOrDefault(c => c.Marker == $"[{int.Parse(m.Value, CultureInfo.InvariantCulture)}]"))
            .Where(c => c is not null)
            .Select(c => Name(c!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? string.Empty : new StringBuilder(" (vgl. ").AppendJoin("; ", names).Append(')').ToString();
    }

    [GeneratedRegex(@"[ \t]*(?:\[\d{1,3}(?:[ \t]*[,;][ \t]*\d{1,3})*\][ \t]*)+(?<=\])")]
    private static partial Regex MarkerGroup();

    [GeneratedRegex(@"\d{1,3}")]
    private static partial Regex Number();

    [GeneratedRegex(@"\(vgl\. (?<a>[^()\n]+)\)([.,;]?)[ \t]*\(vgl\. (?<b>[^()\n]+)\)")]
    private static partial Regex AdjacentReferences();

    // "23-10230-01", "25-26577", "1656/12", "0555/21-01": digits in groups joined by - or /.
    [GeneratedRegex(@"^\d{1,5}(?:[-/]\d{1,6})+$")]
    private static partial Regex DrucksacheNumber();
}
