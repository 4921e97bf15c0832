using System.CommandLine;
using System.Text.Json;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary><c>anfragen ask "&lt;question&gt;" [--json] [--include-nonpublic]</c>: one archive chat question, answer streamed, then its sources.</summary>
public static class AskCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var question = new Argument<string>("frage") { Description = "Frage an das Archiv" };
        var json = new Option<bool>("--json") { Description = "Ausgabe als JSON" };
        var includeNonPublic = new Option<bool>("--include-nonpublic") { Description = "Auch nichtöffentliche Dokumente als Quellen verwenden (nur für berechtigte Personen)" };
        var command = new Command("ask", "Eine Frage an das Archiv stellen (Antwort mit Belegen)");
        command.Arguments.Add(question);
        command.Options.Add(json);
        command.Options.Add(includeNonPublic);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(question);
            if (string.IsNullOrWhiteSpace(text))
            {
                await context.Error.WriteLineAsync("Bitte eine Frage angeben.");
                return ExitCodes.UsageError;
            }

            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var chat = CliContext.Get<ChatService>(host);
            var principal = parseResult.GetValue(includeNonPublic) ? new Principal(Environment.UserName, ClearedForNonPublic: true) : Principal.PublicCaller;
            if (parseResult.GetValue(json))
            {
                var answer = await chat.AskAsync([], text, principal, cancellationToken);
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(DraftOutput.ToJson(text, answer), DraftOutput.Json));
                return ExitCodes.Success;
            }

            ChatAnswer? final = null;
            await foreach (var update in chat.AskStreamingAsync([], text, principal, cancellationToken))
            {
                if (update.IsFinal)
                {
                    final = update.Answer;
                }
                else
                {
                    await context.Output.WriteAsync(update.TextDelta);
                    await context.Output.FlushAsync(cancellationToken);
                }
            }

            await context.Output.WriteLineAsync();
            if (final is not null)
            {
                DraftOutput.WriteSources(context.Console, final.Citations, final.InvalidCitations);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
