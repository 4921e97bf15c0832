using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// Evaluation queries from inquiry/answer pairs: the query is an Anfrage's subject and questions, the relevant
/// documents are its answers (same id plus "-01", "-02", …, or a Stellungnahme that names "Anfrage {id}" at its
/// start), the Anfrage itself is excluded.
/// </summary>
public static class PairQueryBuilder
{
    // Old-style numbers ("1187/19") give the answer its own number; its opening names the inquiry instead.
    private static string Head(string text) => text.Length <= 400 ? text : text[..400];

    public static IReadOnlyList<EvaluationQuery> Build(IReadOnlyList<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var queries = new List<EvaluationQuery>();
        foreach (var inquiry in documents.Where(d => d.Type == DocumentType.Anfrage))
        {
            var answers = ids.Where(id => AnswerIds.IsAnswerOf(id, inquiry.Id))
                .Concat(documents
                    .Where(d => d.Type == DocumentType.Stellungnahme && !d.Id.StartsWith(inquiry.Id, StringComparison.OrdinalIgnoreCase)
                        && Head(d.Text).Contains("Anfrage " + inquiry.Id, StringComparison.OrdinalIgnoreCase))
                    .Select(d => d.Id))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (answers.Count == 0)
            {
                continue;
            }

            var questions = inquiry.Questions.Count > 0 ? string.Join(" ", inquiry.Questions) : inquiry.Text;
            var query = (inquiry.Title + " " + questions).Trim();
            queries.Add(new EvaluationQuery("pair-" + inquiry.Id, query, answers, [inquiry.Id]));
        }

        return queries;
    }
}
