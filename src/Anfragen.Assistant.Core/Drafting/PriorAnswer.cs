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
internal static class PriorAnswer
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
            var answers = await index.GetChunksAsync(chunk.DocumentId + suffix, filter, cancellationToken).ConfigureAwait(false);
            if (answers.FirstOrDefault(a => a.QuestionNumber == number && a.DocumentType == DocumentType.Stellungnahme && filter.Allows(a)) is { } answer)
            {
                return answer;
            }
        }

        return null;
    }
}
