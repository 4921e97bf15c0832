using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// Reads the questions once their start is known: a numbered, lettered or bulleted list (sub-items and wrapped lines
/// stay with their question) or unnumbered questions after a lead-in; decides where the list ends (signature, role
/// line, closing remark, a closing paragraph after the last question).
/// </summary>
internal static partial class QuestionListReader
{
    /// <summary>Questions without numbers after a lead-in: each part ending with "?" is one question; otherwise all of it is question 1.</summary>
    public static List<InquiryQuestion> ReadUnnumbered(string[] lines, int start)
    {
        var parts = new List<string>();
        var questions = new List<string>();
        var pendingBlank = false;
        var stopped = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                pendingBlank = true;
                continue;
            }

            if (InquiryLines.IsFurniture(line))
            {
                continue;
            }

            var current = InquiryLines.Join(parts.Count > 0 ? parts : questions.TakeLast(1));
            if (EndsQuestions(lines, i, current, pendingBlank) || (questions.Count > 0 && parts.Count == 0 && InquiryLines.IsClosingRemark(line)))
            {
                stopped = true;
                break;
            }

            parts.Add(line);
            pendingBlank = false;
            if (InquiryLines.EndsWithQuestionMark(line))
            {
                questions.Add(InquiryLines.Join(parts));
                parts.Clear();
            }
        }

        if (parts.Count > 0)
        {
            var rest = InquiryLines.Join(parts);

            // A trailing sentence after "?"-questions is kept only when the page was cut inside it.
            if (questions.Count == 0 || (!stopped && !InquiryLines.IsComplete(rest)))
            {
                questions.Add(rest);
            }
        }

        return Number(questions);
    }

    public sealed record ListResult(List<InquiryQuestion> Items, int End);

    public static ListResult ReadList(string[] lines, int start, MarkerKind topKind)
    {
        var items = new List<List<string>>();
        var expected = -1;
        var allOnes = true;
        var pendingBlank = false;
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                pendingBlank = true;
                continue;
            }

            if (InquiryLines.IsFurniture(line))
            {
                continue;
            }

            var marker = InquiryLines.Classify(line);
            var current = items.Count > 0 ? InquiryLines.Join(items[^1]) : string.Empty;
            // A weak number ("2 Kitas …") only starts the next question once the current one is finished; an ordinal
            // wrapped to the line start ("… im" / "2. Quartal 2026?") continues an unfinished one.
            var continuesOrdinal = !InquiryLines.IsComplete(current) && OrdinalNoun().IsMatch(marker.Rest);
            if (IsNextItem(marker, topKind, items.Count, expected, allOnes) && (!marker.Weak || InquiryLines.IsComplete(current)) && !continuesOrdinal)
            {
                if (topKind == MarkerKind.Number)
                {
                    allOnes &= marker.Number == 1;
                    expected = marker.Number + 1;
                }

                items.Add(marker.Rest.Length > 0 ? [marker.Rest] : []);
                pendingBlank = false;
                continue;
            }

            if (items.Count == 0 || EndsQuestions(lines, i, current, pendingBlank) || (InquiryLines.IsComplete(current) && InquiryLines.IsClosingRemark(line)))
            {
                break;
            }

            if (pendingBlank && IsClosingParagraph(lines, i, current) && !HasLaterItem(lines, i, topKind, items.Count, expected, allOnes))
            {
                break;
            }

            // Sub-items and continuation lines stay with the current question, markers included ("a) …", "- …").
            items[^1].Add(line);
            pendingBlank = false;
        }

        var questions = items.Select(InquiryLines.Join).ToList();
        while (questions.Count > 0 && questions[^1].Length == 0)
        {
            questions.RemoveAt(questions.Count - 1);
        }

        return new ListResult(Number(questions.Where(q => q.Length > 0)), i);
    }

    private static bool IsNextItem(LineMarker marker, MarkerKind topKind, int count, int expected, bool allOnes)
    {
        if (marker.Kind != topKind)
        {
            return false;
        }

        if (topKind != MarkerKind.Number)
        {
            return topKind != MarkerKind.Letter || count == 0 || marker.Number == count + 1;
        }

        if (count == 0)
        {
            return !marker.Weak;
        }

        if (marker.Number == expected)
        {
            return !marker.Weak || expected >= 2;
        }

        // Markdown renders automatic lists as "1." for every item.
        return !marker.Weak && allOnes && marker.Number == 1;
    }

    /// <summary>Signature, attachments, a name above a role line, or a short unpunctuated line after a finished question.</summary>
    public static bool EndsQuestions(string[] lines, int index, string current, bool pendingBlank)
    {
        var line = lines[index];
        if (InquiryLines.IsHardStop(line) || InquiryLines.IsRoleLine(line))
        {
            return true;
        }

        // A name above a role line ends the list; a wrapped question end ("ersetzt?") above "für die Fraktion" does not.
        if (line.Length <= 60 && !InquiryLines.EndsWithPunctuation(line) && NextContentLine(lines, index) is { } next && InquiryLines.IsRoleLine(next) && InquiryLines.Classify(line).Kind == MarkerKind.None)
        {
            return true;
        }

        // Footnotes under the letter ("1 https://…", "2 Vgl. Ratsbeschluss …") follow the last question.
        if (InquiryLines.IsComplete(current) && Footnote().IsMatch(line))
        {
            return true;
        }

        if (!InquiryLines.IsComplete(current) || InquiryLines.Classify(line).Kind != MarkerKind.None)
        {
            return false;
        }

        if (InquiryLines.IsNameLine(line) || InquiryLines.IsPartyLine(line))
        {
            return true;
        }

        return pendingBlank && line.Length <= 60 && !InquiryLines.EndsWithPunctuation(line) && !StartsLowercase(line);
    }

    /// <summary>
    /// A statement paragraph after a finished question ("Die Fragen wurden bereits … gestellt.") closes the inquiry;
    /// instructions for the answer ("Bitte nach Jahren aufschlüsseln.", "Falls ja: …") belong to the question.
    /// </summary>
    private static bool IsClosingParagraph(string[] lines, int index, string current)
    {
        var line = lines[index];
        if (!InquiryLines.EndsWithQuestionMark(current) || StartsLowercase(line) || InstructionStart().IsMatch(line) || InquiryLines.Classify(line).Kind != MarkerKind.None)
        {
            return false;
        }

        var paragraph = InquiryLines.Join(lines.Skip(index).TakeWhile(l => l.Length > 0));
        return !paragraph.Contains('?', StringComparison.Ordinal) && InquiryLines.IsComplete(paragraph);
    }

    // Only the last question can be followed by the closing text: a later item means the paragraph explains its question.
    private static bool HasLaterItem(string[] lines, int index, MarkerKind topKind, int count, int expected, bool allOnes)
    {
        for (var i = index + 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && InquiryLines.IsHardStop(lines[i]))
            {
                return false;
            }

            if (IsNextItem(InquiryLines.Classify(lines[i]), topKind, count, expected, allOnes))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsLowercase(string line) => line.Length > 0 && char.IsLower(line[0]);

    private static string? NextContentLine(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length && i <= index + 3; i++)
        {
            if (lines[i].Length > 0)
            {
                return lines[i];
            }
        }

        return null;
    }

    public static List<InquiryQuestion> Number(IEnumerable<string> texts) =>
        texts.Select((text, index) => new InquiryQuestion(index + 1, text)).ToList();

    [GeneratedRegex(@"^(?:Bitte|Falls|Wenn|Sofern|Soweit|Ggf\.|Gegebenenfalls|Insbesondere|Dabei|Hierbei|Auch|Sowie|Und|Oder|Wir\s+bitten\s+(?:darum|hierbei|dabei),)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InstructionStart();

    [GeneratedRegex(@"^(?:\d{1,2}\s*(?:https?://|www\.|vgl\.|siehe\b|quelle\b|ebd\.)|https?://\S+$)", RegexOptions.IgnoreCase)]
    private static partial Regex Footnote();

    [GeneratedRegex(@"^(?:Quartal|Quartals|Halbjahr|Halbjahres|Hälfte|Bauabschnitt|Bauabschnitts|Obergeschoss|Untergeschoss|Stock|Klasse|Jahrgang|Lesung|Nachtragshaushalt|Tranche)\b")]
    private static partial Regex OrdinalNoun();
}
