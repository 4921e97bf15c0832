using System.Globalization;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The administration's answer to a question of an earlier Anfrage: the answer chunk with the same question number in
/// the Stellungnahme "{id}-01", or in a later supplement "{id}-02" that answers what the first one left open (the council
/// system's numbering); failing those, in a Stellungnahme of its own number that names the Anfrage at its head
/// ("Stellungnahme zur Anfrage 1187/19", "Zur Anfrage … (Ds. 23-10112) nimmt die Verwaltung wie folgt Stellung"), as
/// older papers and other councils number them; or in a Stellungnahme the council information system links to it (OParl
/// relatedPaper / superordinatedPaper / subordinatedPaper, <see cref="IPaperLinks"/>), where its number says nothing. A new question that matches an earlier one is best served by the answer
/// it got, which often uses other words than the question.
/// </summary>
internal static partial class PriorAnswer
{
    // Stellungnahmen whose opening passage is checked for naming the Anfrage.
    private const int MaxNamingCandidates = 20;

    // The head of a passage, before and after its letter head, where "zur Anfrage … <id>" stands.
    private const int HeadChars = 300;

    /// <summary>The answer to <paramref name="chunk"/> if it is an Anfrage question and the caller's filter allows the answer; otherwise null.</summary>
    public static async Task<Chunk?> FindAsync(IKnowledgeIndex index, IPaperLinks links, Chunk chunk, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(filter);
        if (chunk.DocumentType != DocumentType.Anfrage || chunk.QuestionNumber is not { } number
            || (filter.Types is { Count: > 0 } && !filter.Types.Contains(DocumentType.Stellungnahme)))
        {
            return null;
        }

        // Supplements are numbered on: "23-22677-02" adds what "23-22677-01" could not answer yet. The latest one that
        // answers the question wins.
        foreach (var answerId in AnswerIds.AnswersOfLatestFirst(chunk.DocumentId))
        {
            if (await AnswerInAsync(index, answerId, number, filter, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }
        }

        // A Stellungnahme the council system links to the Anfrage; the latest one that answers the question wins, as for supplements.
        var linked = new List<StoredDocument>();
        foreach (var documentId in await links.LinkedDocumentIdsAsync(chunk.DocumentId, cancellationToken).ConfigureAwait(false))
        {
            if (await index.GetDocumentAsync(documentId, filter, cancellationToken).ConfigureAwait(false) is { Type: DocumentType.Stellungnahme } document)
            {
                linked.Add(document);
            }
        }

        foreach (var document in linked.OrderByDescending(d => d.Date ?? DateOnly.MinValue).ThenByDescending(d => d.Id, StringComparer.Ordinal))
        {
            if (await AnswerInAsync(index, document.Id, number, filter, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }
        }

        // A Stellungnahme with a number of its own names the Anfrage at its head.
        var naming = await index.KeywordSearchAsync(chunk.DocumentId, filter with { Types = [DocumentType.Stellungnahme] }, MaxNamingCandidates, cancellationToken).ConfigureAwait(false);
        foreach (var documentId in naming.Where(h => NamesAtItsHead(h.Chunk, chunk.DocumentId)).Select(h => h.Chunk.DocumentId).Distinct(StringComparer.Ordinal))
        {
            if (await AnswerInAsync(index, documentId, number, filter, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }
        }

        return null;
    }

    private static async Task<Chunk?> AnswerInAsync(IKnowledgeIndex index, string documentId, int number, SearchFilter filter, CancellationToken cancellationToken)
    {
        var answers = (await index.GetChunksAsync(documentId, filter, cancellationToken).ConfigureAwait(false))
            .Where(a => a.DocumentType == DocumentType.Stellungnahme && a.QuestionNumber is not null && filter.Allows(a)).ToList();
        return answers.Find(a => a.QuestionNumber == number) ?? answers.Find(a => AnswersTogether(a.Text, number));
    }

    /// <summary>
    /// Whether the opening passage of a Stellungnahme names the Anfrage as the one it answers, in a line that starts so:
    /// "Stellungnahme zur Anfrage 1187/19", "Zur Anfrage der SPD-Fraktion vom 01.03.2023 (Ds. 23-10112) nimmt …",
    /// "Antwort auf die Anfrage …". A later answer that only refers back to it ("… wird auf die Stellungnahme zur Anfrage
    /// 0555/21 verwiesen") does not count.
    /// </summary>
    internal static bool NamesAtItsHead(Chunk chunk, string inquiryId)
    {
        if (chunk.Ordinal != 0 || chunk.QuestionNumber is not null)
        {
            return false;
        }

        var head = chunk.Text.Length <= HeadChars ? chunk.Text : chunk.Text[..HeadChars];
        var content = LetterFrame.StripHead(chunk.Text);
        var opening = content.Length <= HeadChars ? content : content[..HeadChars];
        return AnswersLine().Matches(head + "\n" + opening).Any(m => m.Value.Contains(inquiryId, StringComparison.Ordinal));
    }

    /// <summary>Whether an answer headed "Zu 2. und 3.:", "Zu Frage 2, 3 und 4:" or "Zu 2. bis 4.:" also answers <paramref name="number"/>.</summary>
    internal static bool AnswersTogether(string text, int number)
    {
        var head = JointHead().Match(text);
        if (!head.Success)
        {
            return false;
        }

        var numbers = Number().Matches(head.Value).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return numbers.Contains(number) || (head.Value.Contains(" bis ", StringComparison.Ordinal) && numbers.Count == 2 && number > numbers[0] && number < numbers[1]);
    }

    [GeneratedRegex(@"^\s*Zu\s+(?:den\s+)?(?:Fragen?\s+)?\d{1,2}\.?\)?(?:\s*(?:,|und|bis|sowie|u\.)\s*\d{1,2}\.?\)?)+")]
    private static partial Regex JointHead();

    // A line that opens with "(Stellungnahme [der Verwaltung]) zur Anfrage …" or "Antwort auf die Anfrage …", up to 160
    // characters of it (room for "der Fraktion Bündnis 90/Die Grünen vom 01.03.2023 (Ds. …").
    [GeneratedRegex(@"(?im)^[ \t]*(?:(?:Stellungnahme(?:[ \t]+der[ \t]+Verwaltung)?|Antwort)[ \t]+)?(?:zur|auf[ \t]+die)[ \t]+Anfrage\b[^\n]{0,160}")]
    private static partial Regex AnswersLine();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex Number();
}
