using System.Globalization;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The administration's answer to a question of an earlier Anfrage: the answer chunk with the same question number in
/// the Stellungnahme "{id}-01", or in a later supplement "{id}-02" that answers what the first one left open (the council
/// system's numbering). A new question that matches an earlier one is best served by the answer it got, which often
/// uses other words than the question.
/// </summary>
internal static partial class PriorAnswer
{
    // Supplements are numbered on: "23-22677-02" adds what "23-22677-01" could not answer yet. The latest one that
    // answers the question wins.
    private static readonly string[] AnswerSuffixes = ["-03", "-02", "-01"];

    /// <summary>The answer to <paramref name="chunk"/> if it is an Anfrage question and the caller's filter allows the answer; otherwise null.</summary>
    public static async Task<Chunk?> FindAsync(IKnowledgeIndex index, Chunk chunk, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(filter);
        if (chunk.DocumentType != DocumentType.Anfrage || chunk.QuestionNumber is not { } number
            || (filter.Types is { Count: > 0 } && !filter.Types.Contains(DocumentType.Stellungnahme)))
        {
            return null;
        }

        foreach (var suffix in AnswerSuffixes)
        {
            var answers = (await index.GetChunksAsync(chunk.DocumentId + suffix, filter, cancellationToken).ConfigureAwait(false))
                .Where(a => a.DocumentType == DocumentType.Stellungnahme && a.QuestionNumber is not null && filter.Allows(a)).ToList();
            if ((answers.Find(a => a.QuestionNumber == number) ?? answers.Find(a => AnswersTogether(a.Text, number))) is { } answer)
            {
                return answer;
            }
        }

        return null;
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

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex Number();
}
