using System.Globalization;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// Finds Drucksache numbers: "25-26577", "24-24284-01" (answers carry -01/-02) and the old style "1656/12".
/// Dates, phone numbers, postcodes and school years ("2024/25") do not match.
/// </summary>
internal static partial class ReferenceExtractor
{
    public static IReadOnlyList<string> Extract(string? text, string? ownId = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<(int Index, string Value)>();
        foreach (Match match in NewStyle().Matches(text))
        {
            found.Add((match.Index, match.Value));
        }

        foreach (Match match in OldStyle().Matches(text))
        {
            if (!IsSchoolYear(match))
            {
                found.Add((match.Index, match.Value));
            }
        }

        var own = ownId?.Trim();
        return found
            .OrderBy(f => f.Index)
            .Select(f => f.Value)
            .Where(value => !string.Equals(value, own, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    // "2024/25" is a school or budget year, not the old-style paper 2024/25.
    private static bool IsSchoolYear(Match match)
    {
        var first = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        return first is >= 1950 and <= 2099 && (first + 1) % 100 == second;
    }

    [GeneratedRegex(@"(?<![\d/\-.,])\d{2}-\d{5}(?:-\d{2}){0,2}(?![\d]|-\d)")]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"(?<![\d/\-.,])(?<n>[1-9]\d{2,4})/(?<y>\d{2})(?![\d/])")]
    private static partial Regex OldStyle();
}
