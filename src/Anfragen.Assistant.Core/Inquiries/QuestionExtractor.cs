using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Inquiries;

/// <summary>The questions found in an inquiry body and the line where they (or their lead-in) begin.</summary>
internal sealed record ExtractedQuestions(IReadOnlyList<InquiryQuestion> Questions, int StartLine);

/// <summary>
/// Finds the questions of an inquiry. In order of trust: the list or question after a lead-in ("Daher fragen wir:",
/// "Die Verwaltung wird gebeten, folgende Fragen zu beantworten"), then a numbered or bulleted list with questions
/// when there is no lead-in, then a lone question right before the signature. Numbers are renumbered 1..n (Markdown
/// renders automatic lists as "1." for every item); sub-items ("a)", "-") stay inside their question; signatures,
/// attachments and page furniture end a question.
/// </summary>
internal static partial class QuestionExtractor
{
    private const int LeadInLookahead = 4;

    /// <summary>The questions of <paramref name="lines"/>, looked for from <paramref name="bodyStart"/> (the Sachverhalt) on.</summary>
    /// <param name="lines">The cleaned lines of the whole document.</param>
    /// <param name="bodyStart">The first line of the body.</param>
    /// <param name="isMotion">An Antrag: its "Die Verwaltung wird gebeten, … zu berichten" is a resolution, not a question.</param>
    public static ExtractedQuestions Extract(string[] lines, int bodyStart, bool isMotion = false)
    {
        bodyStart = Math.Clamp(bodyStart, 0, lines.Length);
        return ExtractAfterLastLeadIn(lines, bodyStart, lines.Length)
            ?? ExtractBestList(lines, bodyStart)
            ?? ExtractQuestionBeforeSignature(lines, bodyStart)
            ?? (isMotion ? null : ExtractRequest(lines, bodyStart))

            // Some councils put the questions above the Sachverhalt. Only a lead-in is trusted there: the header
            // above holds Grunddaten dashes ("- Betreff:") that would pass for a bulleted list.
            ?? ExtractAfterLastLeadIn(lines, 0, bodyStart)
            ?? new ExtractedQuestions([], -1);
    }

    /// <summary>The last lead-in in [from, to) that is followed by questions wins: earlier ones are often rhetorical ("fragen wir uns").</summary>
    private static ExtractedQuestions? ExtractAfterLastLeadIn(string[] lines, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (!IsLeadIn(lines[i], out var inlineRest))
            {
                continue;
            }

            var questions = ExtractAfterLeadIn(lines, i, inlineRest);
            if (questions.Count > 0)
            {
                return new ExtractedQuestions(questions, i);
            }
        }

        return null;
    }

    /// <summary>"Die Verwaltung wird gebeten mitzuteilen, wie viele …" is itself the (only) question.</summary>
    private static ExtractedQuestions? ExtractRequest(string[] lines, int bodyStart)
    {
        for (var i = lines.Length - 1; i >= bodyStart; i--)
        {
            if (lines[i].Length < 40 || !Request().IsMatch(lines[i]) || InquiryLines.IsClosingRemark(lines[i]))
            {
                continue;
            }

            var parts = new List<string>();
            for (var j = i; j < lines.Length && lines[j].Length > 0 && !InquiryLines.IsHardStop(lines[j]); j++)
            {
                parts.Add(lines[j]);
            }

            return new ExtractedQuestions([new InquiryQuestion(1, InquiryLines.Join(parts))], i);
        }

        return null;
    }

    private static bool IsLeadIn(string line, out string? inlineRest)
    {
        inlineRest = null;
        if (line.Length == 0 || InquiryLines.Classify(line).Kind is MarkerKind.Number or MarkerKind.Bullet)
        {
            return false;
        }

        if (LeadInLine().IsMatch(line))
        {
            return true;
        }

        var match = LeadIn().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var after = line[(match.Index + match.Length)..];
        var colon = after.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var rest = after[(colon + 1)..].Trim();
            inlineRest = rest.Length > 0 ? rest : null;
            return true;
        }

        // "Vor diesem Hintergrund fragen wir die Verwaltung" without colon still ends the line soon after the verb;
        // "fragen wir uns, ob … (a long sentence)" is background.
        return after.Length <= 60 && !InquiryLines.IsClosingRemark(line);
    }

    private static List<InquiryQuestion> ExtractAfterLeadIn(string[] lines, int leadIn, string? inlineRest)
    {
        var working = lines;
        var start = leadIn + 1;
        if (inlineRest is not null)
        {
            working = (string[])lines.Clone();
            working[leadIn] = inlineRest;
            start = leadIn;
        }

        // A short note may sit between the lead-in and the list ("(bitte nach Stadtbezirken getrennt)").
        var seen = 0;
        for (var i = start; i < working.Length && seen < LeadInLookahead; i++)
        {
            var line = working[i];
            if (line.Length == 0 || InquiryLines.IsFurniture(line))
            {
                continue;
            }

            if (InquiryLines.IsHardStop(line))
            {
                break;
            }

            var marker = InquiryLines.Classify(line);
            if (marker.Kind != MarkerKind.None && !marker.Weak)
            {
                var list = QuestionListReader.ReadList(working, i, marker.Kind);
                return list.Items;
            }

            if (InquiryLines.EndsWithQuestionMark(line))
            {
                break;
            }

            seen++;
        }

        return QuestionListReader.ReadUnnumbered(working, start);
    }

    /// <summary>Without a lead-in: the last list whose items ask something (or that runs to the end of a cut-off page).</summary>
    private static ExtractedQuestions? ExtractBestList(string[] lines, int bodyStart)
    {
        ExtractedQuestions? bestNumbered = null;
        ExtractedQuestions? bestBulleted = null;
        for (var i = bodyStart; i < lines.Length; i++)
        {
            var marker = InquiryLines.Classify(lines[i]);
            var startsList = (marker.Kind == MarkerKind.Number && marker.Number == 1 && !marker.Weak) || marker.Kind == MarkerKind.Bullet;
            if (!startsList)
            {
                continue;
            }

            var list = QuestionListReader.ReadList(lines, i, marker.Kind);
            var asks = list.Items.Any(q => q.Text.Contains('?', StringComparison.Ordinal));
            if (list.Items.Count > 0 && asks)
            {
                var found = new ExtractedQuestions(list.Items, i);
                if (marker.Kind == MarkerKind.Number)
                {
                    bestNumbered = found;
                }
                else
                {
                    bestBulleted = found;
                }
            }

            i = Math.Max(i, list.End - 1);
        }

        return bestNumbered ?? bestBulleted;
    }

    /// <summary>No lead-in and no list: the paragraphs ending with "?" directly above the signature are the questions.</summary>
    private static ExtractedQuestions? ExtractQuestionBeforeSignature(string[] lines, int bodyStart)
    {
        var stop = -1;
        for (var i = bodyStart; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && (InquiryLines.IsHardStop(lines[i]) || InquiryLines.IsRoleLine(lines[i])))
            {
                stop = i;
                break;
            }
        }

        if (stop < 0)
        {
            return null;
        }

        var last = stop - 1;
        while (last >= bodyStart && (lines[last].Length == 0 || InquiryLines.IsFurniture(lines[last]) || InquiryLines.IsNameLine(lines[last]) || InquiryLines.IsPartyLine(lines[last])))
        {
            last--;
        }

        // Every question directly above the signature counts, each ending with "?" (one per paragraph or sentence line);
        // the first finished sentence that does not ask ends the search.
        var questions = new List<string>();
        var first = -1;
        while (last >= bodyStart && InquiryLines.EndsWithQuestionMark(lines[last]))
        {
            first = last;
            while (first - 1 >= bodyStart && lines[first - 1].Length > 0 && !InquiryLines.IsComplete(lines[first - 1]))
            {
                first--;
            }

            questions.Insert(0, InquiryLines.Join(lines[first..(last + 1)]));
            last = first - 1;
            while (last >= bodyStart && lines[last].Length == 0)
            {
                last--;
            }
        }

        return questions.Count == 0 ? null : new ExtractedQuestions(QuestionListReader.Number(questions), first);
    }

    [GeneratedRegex(@"\b(?:fragen?\s+(?:ich|wir)\b|(?:ich|wir)\s+fragen?\b|fragt\b|frage\s+ich\b|(?:bitten?|bittet)\s+(?:wir|ich)?\s*(?:die\s+Verwaltung\s+)?(?:um\s+(?:die\s+)?(?:schriftliche\s+|mündliche\s+|kurzfristige\s+)?(?:Beantwortung|Auskunft|Stellungnahme)|folgende)|(?:wird|werden)\s+(?:um\s+(?:die\s+)?(?:Beantwortung|Auskunft)\s+\S+\s+(?:\S+\s+)?)?gebeten\b|folgender?n?\s+(?:Fragen|Frage|Anfrage)\b|möchten\s+wir\s+(?:gerne\s+|gern\s+)?wissen|stellen\s+(?:wir|ich)\s+(?:daher\s+|deshalb\s+)?(?:folgende|die\s+folgende))", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"\b(?:(?:wird|werden)\s+(?:\S+\s+){0,3}gebeten|bitten\s+(?:wir|ich)|bittet)\b.*\b(?:mitzuteilen|darzustellen|darzulegen|zu\s+berichten|zu\s+erläutern|zu\s+beantworten|Auskunft)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    [GeneratedRegex(@"^(?:Anfrage|Fragen|Frage|Unsere\s+Fragen|Fragestellung(?:en)?|Fragen\s+an\s+die\s+Verwaltung|Wir\s+fragen)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInLine();
}
