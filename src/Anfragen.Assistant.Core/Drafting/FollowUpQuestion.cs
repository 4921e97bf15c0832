using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Whether a chat question leans on the one before it ("Und wann?", "Was kostet das?", "Wie viele Plätze sind dort
/// geplant?"), so retrieval reads both together. A question that names its own topic is searched on its own: merged
/// with an unrelated earlier question it found nothing.
/// </summary>
internal static partial class FollowUpQuestion
{
    /// <summary>At most this many content terms: too little to search on without the earlier question.</summary>
    public const int MaxOwnTerms = 3;

    // Words that point back to something said before; articles such as "das" or "die" are left out on purpose.
    private static readonly HashSet<string> PointsBack = new(StringComparer.OrdinalIgnoreCase)
    {
        "dazu", "davon", "darüber", "dafür", "dabei", "daran", "darin", "daraus", "dagegen", "hierzu", "hierfür", "hiervon",
        "hierbei", "dort", "dorthin", "dies", "diese", "dieser", "dieses", "diesem", "diesen", "deren", "dessen", "ebenfalls",
        "jeweils", "derselbe", "dieselbe", "dasselbe", "genannte", "genannten", "genannter", "genanntes",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PointsBackLookup = PointsBack.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Refers(string question, int contentTerms)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (contentTerms <= MaxOwnTerms)
        {
            return true;
        }

        foreach (var word in Words().EnumerateMatches(question))
        {
            if (PointsBackLookup.Contains(question.AsSpan(word.Index, word.Length)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
