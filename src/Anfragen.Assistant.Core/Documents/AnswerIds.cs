namespace Anfragen.Assistant.Documents;

/// <summary>
/// The council system's numbering of answers: the Stellungnahme to the Anfrage "24-11234" is "24-11234-01", a later
/// supplement "24-11234-02" and so on ("-NN", two digits). The one place that rule is written; ids compare
/// case-insensitively, as everywhere else.
/// </summary>
public static class AnswerIds
{
    /// <summary>Supplements the lookup of an earlier answer tries, latest first (a later one answers what the first left open).</summary>
    public const int MaxSupplements = 3;

    /// <summary>The id of the first answer to <paramref name="inquiryId"/>: "{id}-01".</summary>
    public static string FirstAnswerOf(string inquiryId) => AnswerOf(inquiryId, 1);

    /// <summary>The id of the <paramref name="number"/>th answer to <paramref name="inquiryId"/>: "{id}-NN".</summary>
    public static string AnswerOf(string inquiryId, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inquiryId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        return $"{inquiryId.Trim()}-{number:D2}";
    }

    /// <summary>The answer ids to look for, latest supplement first: "{id}-03", "{id}-02", "{id}-01".</summary>
    public static IEnumerable<string> AnswersOfLatestFirst(string inquiryId)
    {
        for (var number = MaxSupplements; number >= 1; number--)
        {
            yield return AnswerOf(inquiryId, number);
        }
    }

    /// <summary>The inquiry id an answer id names ("24-11234-01" → "24-11234"), or null when it has no "-NN" ending.</summary>
    public static string? InquiryOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length > 3 && id[^3] == '-' && char.IsAsciiDigit(id[^2]) && char.IsAsciiDigit(id[^1]) ? id[..^3] : null;
    }

    /// <summary>Whether <paramref name="candidate"/> is numbered as an answer to <paramref name="inquiryId"/> ("{id}-NN").</summary>
    public static bool IsAnswerOf(string candidate, string inquiryId)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(inquiryId);
        return InquiryOf(candidate) is { } inquiry && string.Equals(inquiry, inquiryId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether <paramref name="found"/> counts as <paramref name="expected"/> when measuring answers: the same paper, or the
    /// first answer of the expected Anfrage, or the Anfrage of the expected first answer.
    /// </summary>
    public static bool SamePaperOrFirstAnswer(string found, string expected)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(expected);
        return string.Equals(found, expected, StringComparison.OrdinalIgnoreCase)
            || (InquiryOf(found) is { } inquiry && found.EndsWith("-01", StringComparison.Ordinal) && string.Equals(inquiry, expected, StringComparison.OrdinalIgnoreCase))
            || (InquiryOf(expected) is { } expectedInquiry && expected.EndsWith("-01", StringComparison.Ordinal) && string.Equals(expectedInquiry, found, StringComparison.OrdinalIgnoreCase));
    }
}
