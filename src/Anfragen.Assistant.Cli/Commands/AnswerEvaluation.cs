using System.Globalization;
using System.Text.Json.Serialization;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen eval --chat questions.jsonl</c> and <c>--drafts questions.jsonl</c>: asks each question through the chat,
/// or drafts it as the only question of an inquiry with the given subject (as a caller without clearance), and reports how
/// often the first source, or any source, is one of the expected papers, and how often a question the archive does not
/// cover (<c>"relevant": []</c>) still got sources. Answer papers "X-01" count for their Anfrage "X" and the other way round.
/// </summary>
internal static class AnswerEvaluation
{
    public static Task<int> RunChatAsync(CliContext context, ChatService chat, string file, CancellationToken cancellationToken) =>
        RunAsync(context, $"Chat ({chat.Mode})", file, async (question, ct) =>
            (await chat.AskAsync([], question.Question, Principal.PublicCaller, ct)).Citations.Select(c => c.DocumentId).ToList(), cancellationToken);

    public static Task<int> RunDraftsAsync(CliContext context, DraftingService drafting, string file, CancellationToken cancellationToken) =>
        RunAsync(context, $"Entwürfe ({drafting.Mode})", file, async (question, ct) =>
        {
            var inquiry = new Inquiry { Subject = question.Subject, Questions = [new InquiryQuestion(1, question.Question)] };
            return (await drafting.DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct)).Citations.Select(c => c.DocumentId).ToList();
        }, cancellationToken);

    private static async Task<int> RunAsync(CliContext context, string title, string file, Func<EvaluationQuestion, CancellationToken, Task<List<string>>> sourcesOf, CancellationToken cancellationToken)
    {
        var questions = await ReadAsync(file, cancellationToken);
        int covered = 0, answered = 0, first = 0, any = 0, uncovered = 0, falselyAnswered = 0;
        await context.Output.WriteLineAsync($"### {title}: {Path.GetFileName(file)}, {questions.Count} Fragen");
        await context.Output.WriteLineAsync();
        await context.Output.WriteLineAsync("| Id | Frage | Quellen | Ergebnis |");
        await context.Output.WriteLineAsync("|---|---|---|---|");
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

            await context.Output.WriteLineAsync($"| {question.Id} | {question.Question} | {string.Join(", ", sources)} | {verdict} |");
        }

        await context.Output.WriteLineAsync();
        await context.Output.WriteLineAsync("| Fragen mit Antwort im Archiv | beantwortet | Treffer@1 | Treffer unter den Quellen | Fragen ohne Abdeckung | davon mit Quellen beantwortet |");
        await context.Output.WriteLineAsync("|---|---|---|---|---|---|");
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {covered} | {Share(answered, covered)} | {Share(first, covered)} | {Share(any, covered)} | {uncovered} | {falselyAnswered} |"));
        return ExitCodes.Success;
    }

    private static string Share(int count, int total) => total == 0 ? "–" : ((double)count / total).ToString("F3", CultureInfo.InvariantCulture);

    private static bool Matches(string documentId, IReadOnlyList<string> relevant) =>
        relevant.Any(r => string.Equals(r, documentId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r + "-01", documentId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r, documentId + "-01", StringComparison.OrdinalIgnoreCase));

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
