using System.Globalization;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>Finds dates as German council papers write them: "15.04.2026", "1.1.15", "06. Mrz. 2012", "15. April 2026", ISO 8601.</summary>
internal static partial class GermanDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1, ["jan"] = 1, ["jänner"] = 1, ["februar"] = 2, ["feb"] = 2, ["märz"] = 3, ["mär"] = 3, ["mrz"] = 3,
        ["maerz"] = 3, ["april"] = 4, ["apr"] = 4, ["mai"] = 5, ["juni"] = 6, ["jun"] = 6, ["juli"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["oktober"] = 10, ["okt"] = 10,
        ["november"] = 11, ["nov"] = 11, ["dezember"] = 12, ["dez"] = 12,
    };

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? FindFirst(string? text)
    {
        var match = Find(text);
        return match?.Date;
    }

    /// <summary>The first date with its position, so callers can split "Ausschuss 30.04.2026 Ö" around it.</summary>
    public static (DateOnly Date, int Index, int Length)? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        (DateOnly Date, int Index, int Length)? best = null;
        foreach (var candidate in new[] { Numeric().Match(text), Named().Match(text), Iso().Match(text) })
        {
            var current = candidate;
            while (current.Success)
            {
                if (ToDate(current) is { } date)
                {
                    if (best is null || current.Index < best.Value.Index)
                    {
                        best = (date, current.Index, current.Length);
                    }

                    break;
                }

                current = current.NextMatch();
            }
        }

        return best;
    }

    /// <summary>True when the whole (trimmed) text is one date.</summary>
    public static bool IsDate(string text)
    {
        var trimmed = text.Trim();
        var found = Find(trimmed);
        return found is { Index: 0 } && found.Value.Length == trimmed.Length;
    }

    private static DateOnly? ToDate(Match match)
    {
        int day, month, year;
        if (match.Groups["iso"].Success)
        {
            year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            var monthText = match.Groups["m"].Value;
            if (!int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out month) && !Months.TryGetValue(monthText, out month))
            {
                return null;
            }

            year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["y"].Value.Length == 2)
            {
                year += year < 70 ? 2000 : 1900;
            }
        }

        return year is >= 1900 and <= 2199 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?(?<y>\d{4}|\d{2})(?![\d])")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.\s*(?<m>Januar|Jänner|Jan|Februar|Feb|März|Maerz|Mär|Mrz|April|Apr|Mai|Juni|Jun|Juli|Jul|August|Aug|September|Sept|Sep|Oktober|Okt|November|Nov|Dezember|Dez)\.?\s*(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Named();

    [GeneratedRegex(@"(?<iso>(?<!\d)(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2}))(?!\d)")]
    private static partial Regex Iso();
}
