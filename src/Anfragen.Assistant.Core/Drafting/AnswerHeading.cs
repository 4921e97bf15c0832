using System.Globalization;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The heading an answer opens with in a Stellungnahme ("Zu Frage 2:", "Zu 3.:", "Zu 2. und 3.:", "Antwort zu Frage 1:").
/// It is the structure of the letter, not part of the answer: a passage taken from an earlier Stellungnahme loses the
/// heading of the question it answered there, and a new letter writes its own heading once.
/// </summary>
public static partial class AnswerHeading
{
    /// <summary>
    /// The text without any leading answer heading (a passage of an earlier Stellungnahme), and without the question it
    /// answered when that follows the heading in quotes on a line of its own ("Zu Frage 1:\n„Wie viele …?“\n…").
    /// </summary>
    public static string StripAny(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = Heading().Match(text);
        if (!head.Success)
        {
            return text;
        }

        var rest = text[head.Length..].TrimStart();
        var quoted = QuotedQuestion().Match(rest);
        return quoted.Success ? rest[quoted.Length..].TrimStart() : rest;
    }

    /// <summary>
    /// The text without a leading heading for exactly question <paramref name="number"/> ("Zu Frage 1:" before the answer to
    /// question 1, as a model or a person may write it); a joint heading ("Zu 1. und 2.:") or another number stays.
    /// </summary>
    public static string StripOwn(string text, int number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = Heading().Match(text);
        if (!head.Success || head.Groups["more"].Success
            || int.Parse(head.Groups["n"].Value, CultureInfo.InvariantCulture) != number)
        {
            return text;
        }

        return text[head.Length..].TrimStart();
    }

    // "Zu Frage 1:", "Zu 1:", "Zu 1.)", "Zu den Fragen 2 und 3:", "Antwort zu Frage 4.", "Frage 2:", or the number alone on its
    // line ("Zu Frage 1" + line break). A number followed by a word on the same line ("Zu 30 Prozent …") is no heading.
    [GeneratedRegex(@"^\s*(?:(?:Antwort\s+zu|Zu|Zur)\s+(?:den\s+)?(?:(?:Fragen?|Ziffer|Punkt|Nr\.?)\s*)?|Frage\s+)(?<n>\d{1,2})(?<more>(?:\s*[.:)])*(?:\s*(?:,|und|bis|sowie|u\.)\s*\d{1,2})+)?(?:(?:[ \t]*[.:)])+|[ \t]*(?=\r?\n|$))", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[„""][^“”""\n]{1,1000}[“”""][ \t]*\r?\n")]
    private static partial Regex QuotedQuestion();
}
