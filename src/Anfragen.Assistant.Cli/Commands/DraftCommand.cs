using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen draft &lt;inquiry file&gt; [--json] [--include-nonpublic] [--visibility …]</c>: a draft answer per question, with
/// checked citations. Nichtöffentlich sources are used only for an inquiry that is nichtöffentlich (its own marker, else
/// <c>--visibility</c>) and with <c>--include-nonpublic</c>: a public inquiry is drafted from public sources only.
/// </summary>
public static class DraftCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("anfrage") { Description = "Datei der Anfrage (.txt .md .html .pdf .docx)" };
        var json = new Option<bool>("--json") { Description = "Ausgabe als JSON" };
        var includeNonPublic = new Option<bool>("--include-nonpublic") { Description = "Auch nichtöffentliche Dokumente als Quellen verwenden (nur für berechtigte Personen und nur für eine nichtöffentliche Anfrage)" };
        var visibility = new Option<string?>("--visibility") { Description = "Sichtbarkeit der Anfrage, wenn sie keinen eigenen Vermerk trägt (Status Ö/N); ohne Vermerk und ohne Angabe: Quellen nur öffentlich" };
        visibility.AcceptOnlyFromAmong("öffentlich", "nichtöffentlich");
        var command = new Command("draft", "Antwortentwürfe je Frage einer Anfrage erstellen, mit Belegen aus dem Archiv");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(includeNonPublic);
        command.Options.Add(visibility);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var inquiry = await CliContext.Get<InquiryParser>(host).ParseFileAsync(parseResult.GetValue(file)!, cancellationToken);
            if (inquiry.Visibility is null && parseResult.GetValue(visibility) is { } given)
            {
                inquiry = inquiry with { Visibility = DocumentVocabulary.ParseVisibility(given) };
            }

            var principal = parseResult.GetValue(includeNonPublic) ? new Principal(Environment.UserName, ClearedForNonPublic: true) : Principal.PublicCaller;
            if (principal.ClearedForNonPublic && !DraftingService.SourcesPrincipal(principal, inquiry).ClearedForNonPublic)
            {
                await context.Error.WriteLineAsync(inquiry.Visibility is null
                    ? "Hinweis: Die Anfrage trägt keinen Sichtbarkeitsvermerk; der Entwurf stützt sich nur auf öffentliche Quellen (für eine nichtöffentliche Anfrage: --visibility nichtöffentlich)."
                    : "Hinweis: Die Anfrage ist öffentlich; ihr Entwurf stützt sich nur auf öffentliche Quellen, --include-nonpublic gilt hier nicht.");
            }

            var draft = await CliContext.Get<DraftingService>(host).DraftInquiryAsync(inquiry, principal, cancellationToken);

            if (parseResult.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(DraftOutput.ToJson(draft), DraftOutput.Json));
                return ExitCodes.Success;
            }

            var console = context.Console;
            console.Write(new Rule(Markup.Escape(inquiry.Subject ?? "Anfrage ohne Betreff")).LeftJustified());
            var facts = $"Datum: {inquiry.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "–"}   Bezüge: {(inquiry.References.Count > 0 ? string.Join(", ", inquiry.References) : "–")}";
            console.Write(new Text(facts + "\n"));
            foreach (var answer in draft.Answers)
            {
                var header = $"Frage {answer.Number} · {DraftOutput.Mode(answer.Mode)}" + (answer.Model is null ? string.Empty : $" · {answer.Model} · {answer.PromptTokens}+{answer.CompletionTokens} Tokens") + $" · {answer.ElapsedMs} ms";
                console.Write(new Text(answer.Question + "\n", new Style(decoration: Decoration.Bold)));
                if (answer.Note is { } note)
                {
                    console.Write(new Text(note + "\n", new Style(decoration: Decoration.Italic)));
                }

                console.Write(new Panel(new Text(answer.Draft.Length == 0 ? "–" : answer.Draft)).Header(Markup.Escape(header)).Expand());
                DraftOutput.WriteSources(console, answer.Citations, answer.InvalidCitations);
            }

            console.Write(new Text("Entwurf – vor Verwendung fachlich prüfen.\n", new Style(decoration: Decoration.Italic)));
            return ExitCodes.Success;
        });
        return command;
    }
}
