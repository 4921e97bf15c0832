using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary><c>anfragen parse &lt;file&gt; [--json]</c>: shows what the parser reads from an inquiry file.</summary>
public static class ParseCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,

        // German text stays readable ("Ausschuss für …", not "f\u00FCr").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = "Anfrage als .txt, .md, .html, .pdf oder .docx" };
        var json = new Option<bool>("--json") { Description = "Ergebnis als JSON auf stdout ausgeben" };
        var command = new Command("parse", "Eine Anfrage einlesen und Betreff, Beratungsfolge, Bezüge und Fragen anzeigen");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var parser = CliContext.Get<InquiryParser>(host);
            var inquiry = await parser.ParseFileAsync(path, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await context.Output.WriteLineAsync(ToJson(path, inquiry));
            }
            else
            {
                Render(context.Console, path, inquiry);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static string ToJson(string path, Inquiry inquiry)
    {
        var result = new ParsedInquiryJson(
            path,
            inquiry.Subject,
            inquiry.Recipient,
            inquiry.Date,
            inquiry.Committee,
            inquiry.SessionDate,
            inquiry.Visibility?.ToGerman(),
            inquiry.References,
            inquiry.Questions.Select(q => new QuestionJson(q.Number, q.Text)).ToList());
        return JsonSerializer.Serialize(result, JsonOptions);
    }

    private static void Render(IAnsiConsole console, string path, Inquiry inquiry)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("Feld").AddColumn("Wert");
        AddRow(table, "Datei", path);
        AddRow(table, "Betreff", inquiry.Subject);
        AddRow(table, "Drucksache", inquiry.Id);
        AddRow(table, "Empfänger", inquiry.Recipient);
        AddRow(table, "Datum", FormatDate(inquiry.Date));
        AddRow(table, "Gremium", inquiry.Committee);
        AddRow(table, "Sitzungstermin", FormatDate(inquiry.SessionDate));
        AddRow(table, "Status", inquiry.Visibility?.ToGerman());
        AddRow(table, "Bezüge", inquiry.References.Count == 0 ? null : string.Join(", ", inquiry.References));
        console.Write(table);
        console.WriteLine();
        console.Write(new Rule($"[bold]{inquiry.Questions.Count} Frage(n)[/]").LeftJustified());
        var questions = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        foreach (var question in inquiry.Questions)
        {
            questions.AddRow(new Text(question.Number.ToString(CultureInfo.InvariantCulture) + ".", new Style(decoration: Decoration.Bold)), new Text(question.Text));
        }

        console.Write(questions);
    }

    private static void AddRow(Table table, string label, string? value) =>
        table.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value ?? "–"));

    private static string? FormatDate(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private sealed record ParsedInquiryJson(
        string File,
        string? Subject,
        string? Recipient,
        DateOnly? Date,
        string? Committee,
        DateOnly? SessionDate,
        string? Visibility,
        IReadOnlyList<string> References,
        IReadOnlyList<QuestionJson> Questions);

    private sealed record QuestionJson(int Number, string Text);
}
