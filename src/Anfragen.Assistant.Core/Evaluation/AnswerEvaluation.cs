using System.Globalization;
using System.Text.Json.Serialization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// <c>anfragen eval --chat questions.jsonl</c> and <c>--drafts questions.jsonl</c> (Markdown): asks each question through the chat,
/// or drafts it as the only question of an inquiry with the given subject (as a caller without clearance), and reports how
/// often the first source, or any source, is one of the expected papers, and how often a question the archive does not
/// cover (<c>"relevant": []</c>) still got sources. Answer papers "X-01" count for their Anfrage "X" and the other way round
/// (<see cref="AnswerIds.SamePaperOrFirstAnswer"/>).
/// </summary>
public static class AnswerEvaluation
{
    public static Task RunChatAsync(ChatService chat, string file, TextWriter output, CancellationToken cancellationToken = default) =>
        RunAsync(output, $"Chat ({chat.Mode})", file, async (question, ct) =>
            (await chat.AskAsync([], question.Question, Principal.PublicCaller, ct)).Citations.Select(c => c.DocumentId).ToList(), cancellationToken);

    public static Task RunDraftsAsync(DraftingService drafting, string file, TextWriter output, CancellationToken cancellationToken = default) =>
        RunAsync(output, $"Entwürfe ({drafting.Mode})", file, async (question, ct) =>
        {
            var inquiry = new Inquiry { Subject = question.Subject, Questions = [new InquiryQuestion(1, question.Question)] };
            return (await drafting.DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct)).Citations.Select(c => c.DocumentId).ToList();
        }, cancellationToken);

    private static async Task RunAsync(TextWriter output, string title, string file, Func<EvaluationQuestion, CancellationToken, Task<List<string>>> sourcesOf, CancellationToken cancellationToken)
    {
        var questions = await ReadAsync(file, cancellationToken);
        int covered = 0, answered = 0, first = 0, any = 0, uncovered = 0, falselyAnswered = 0;
        await output.WriteLineAsync($"### {title}: {Path.GetFileName(file)}, {questions.Count} Fragen");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Id | Frage | Quellen | Ergebnis |");
        await output.WriteLineAsync("|---|---|---|---|");
        foreach (var question in questions)
        {
            var sources = (await sourcesOf(question, cancellationToken)).Distinct(StringComparer.Ordinal).ToList();
            string verdict;
            if (question.Relevant.Count == 0)
            {
                uncovered++;
                falselyAnswered += sources.Count > 0 ? 1 : 0;
                verdict = sources.Count > 0 ? "beantwortet, obwohl nicht abgedeckt" : "richtig: keine Quelle";
            }
            else
            {
                covered++;
                answered += sources.Count > 0 ? 1 : 0;
                var hitFirst = sources.Count > 0 && Matches(sources[0], question.Relevant);
                var hitAny = sources.Any(s => Matches(s, question.Relevant));
                first += hitFirst ? 1 : 0;
                any += hitAny ? 1 : 0;
                verdict = hitFirst ? "Treffer an 1. Stelle" : hitAny ? "Treffer" : sources.Count == 0 ? "keine Quelle" : "falsche Quellen";
            }

            await output.WriteLineAsync($"| {question.Id} | {question.Question} | {string.Join(", ", sources)} | {verdict} |");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| Fragen mit Antwort im Archiv | beantwortet | Treffer@1 | Treffer unter den Quellen | Fragen ohne Abdeckung | davon mit Quellen beantwortet |");
        await output.WriteLineAsync("|---|---|---|---|---|---|");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {covered} | {Share(answered, covered)} | {Share(first, covered)} | {Share(any, covered)} | {uncovered} | {falselyAnswered} |"));
    }

    private static string Share(int count, int total) => total == 0 ? "–" : ((double)count / total).ToString("F3", CultureInfo.InvariantCulture);

    private static bool Matches(string documentId, IReadOnlyList<string> relevant) =>
        relevant.Any(r => AnswerIds.SamePaperOrFirstAnswer(documentId, r));

    private static async Task<IReadOnlyList<EvaluationQuestion>> ReadAsync(string file, CancellationToken cancellationToken) =>
        [.. (await JsonLinesFile.ReadAsync<EvaluationQuestion>(
            file,
            q => string.IsNullOrWhiteSpace(q.Question) || q.Relevant is null ? "\"question\" oder \"relevant\" fehlt" : null,
            null,
            cancellationToken)).Select(l => l.Value)];

    /// <summary>One line: <c>{"id","question","relevant":[…]}</c>, for drafts also <c>"subject"</c> (the inquiry's Betreff).</summary>
    private sealed record EvaluationQuestion(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("relevant")] IReadOnlyList<string> Relevant,
        [property: JsonPropertyName("subject")] string? Subject = null);
}
