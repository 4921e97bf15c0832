using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Retrieval;

/// <summary>Normalises a user's reference to a paper ("Ds. 25-26577", "Drucksache Nr. 24-24284-01", " 1656/12 ") to its id.</summary>
public static partial class DrucksacheReference
{
    public static string Normalize(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var value = Prefix().Replace(reference.Trim(), string.Empty).Trim();
        value = Dashes().Replace(value, "-");
        return Spaces().Replace(value, string.Empty);
    }

    [GeneratedRegex(@"^(?:(?:Drucksachen?|Drs?\.?|Ds\.?|DS|Vorlage)\s*(?:-?\s*Nr\.?)?\s*:?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"[\u2010-\u2015\u2212]")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
