using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Anfragen.Assistant.Drafting;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>The JSON shapes of <c>draft --json</c> and <c>ask --json</c>, and the Spectre views of both (model text shown as plain text, never as markup).</summary>
internal static class DraftOutput
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Mode(DraftMode mode) => mode == DraftMode.Llm ? "llm" : "extractive";

    public static JsonDraft ToJson(InquiryDraft draft) => new(
        new JsonInquiry(draft.Inquiry.Subject, draft.Inquiry.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), draft.Inquiry.References),
        [.. draft.Answers.Select(a => new JsonAnswer(
            a.Number, a.Question, a.Draft, a.Note, Mode(a.Mode), [.. a.Citations.Select(ToJson)], a.InvalidCitations, a.Model, a.PromptTokens, a.CompletionTokens, a.ElapsedMs))]);

    public static JsonChat ToJson(string question, ChatAnswer answer) => new(
        question, answer.Text, Mode(answer.Mode), [.. answer.Citations.Select(ToJson)], answer.InvalidCitations, answer.Model, answer.PromptTokens, answer.CompletionTokens, answer.ElapsedMs);

    public static void WriteSources(IAnsiConsole console, IReadOnlyList<Citation> citations, IReadOnlyList<string> invalid)
    {
        if (citations.Count > 0)
        {
            var table = new Table().AddColumn("Beleg").AddColumn("Drucksache").AddColumn("Abschnitt").AddColumn("Titel");
            foreach (var citation in citations)
            {
                table.AddRow(new Text(citation.Marker), new Text(citation.DocumentId), new Text(citation.ChunkId), new Text(citation.Title));
            }

            console.Write(table);
        }

        if (invalid.Count > 0)
        {
            console.Write(new Text($"Ungültige Belege (kein passender Quelltext): {string.Join(", ", invalid)}\n", new Style(Color.Red)));
        }
    }

    private static JsonCitation ToJson(Citation c) => new(c.Marker, c.DocumentId, c.ChunkId, c.Title);

    internal sealed record JsonDraft(JsonInquiry Inquiry, IReadOnlyList<JsonAnswer> Answers);

    internal sealed record JsonInquiry(string? Subject, string? Date, IReadOnlyList<string> References);

    internal sealed record JsonAnswer(int Number, string Question, string Draft, string? Note, string Mode, IReadOnlyList<JsonCitation> Citations, IReadOnlyList<string> InvalidCitations, string? Model, int PromptTokens, int CompletionTokens, long ElapsedMs);

    internal sealed record JsonCitation(string Marker, string DocumentId, string ChunkId, string Title);

    internal sealed record JsonChat(string Question, string Answer, string Mode, IReadOnlyList<JsonCitation> Citations, IReadOnlyList<string> InvalidCitations, string? Model, int PromptTokens, int CompletionTokens, long ElapsedMs);
}
