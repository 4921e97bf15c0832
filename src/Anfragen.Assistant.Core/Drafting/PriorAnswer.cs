using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The administration's answer to a question of an earlier Anfrage: the answer chunk with the same question number in
/// the Stellungnahme "{id}-01" (the council system's numbering). A new question that matches an earlier one is best
/// served by the answer it got, which often uses other words than the question.
/// </summary>
internal static class PriorAnswer
{
    public const string AnswerSuffix = "-01";

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

        var answers = await index.GetChunksAsync(chunk.DocumentId + AnswerSuffix, filter, cancellationToken).ConfigureAwait(false);
        return answers.FirstOrDefault(a => a.QuestionNumber == number && a.DocumentType == DocumentType.Stellungnahme && filter.Allows(a));
    }
}
