using System.CommandLine;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Evaluation;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen eval --queries q.jsonl [--pairs corpus.jsonl] [--k 10] [--baseline lucene] [--ablation] [--sweep]</c>:
/// retrieval quality (<see cref="RetrievalEvaluation"/>); <c>--chat</c> / <c>--drafts questions.jsonl</c> measure the
/// archive chat or the drafts instead (<see cref="AnswerEvaluation"/>). Only parses arguments.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queries = new Option<string[]>("--queries") { Description = "JSONL mit {\"id\",\"query\",\"relevant\":[…],\"exclude\":[…]} (mehrfach möglich)", AllowMultipleArgumentsPerToken = true };
        var pairs = new Option<string[]>("--pairs") { Description = "Korpus/Dateien, aus deren Anfrage/Stellungnahme-Paaren Testanfragen gebildet werden", AllowMultipleArgumentsPerToken = true };
        var k = new Option<int>("--k") { Description = "Rangtiefe (Standard 10)", DefaultValueFactory = _ => 10 };
        var baseline = new Option<string?>("--baseline") { Description = "Vergleich: lucene (Lucene.Net GermanAnalyzer, BM25 über ganze Dokumente)" };
        var ablation = new Option<bool>("--ablation") { Description = "Auch ohne Stemming / ohne Kompositazerlegung messen (baut temporäre Indizes aus den gespeicherten Vektoren)" };
        var sweep = new Option<bool>("--sweep") { Description = "Hybrid mit mehreren Dense-Gewichten messen" };
        var denseWeight = new Option<double?>("--dense-weight") { Description = "Dense-Gewicht der Fusion (Standard: Anfragen:Retrieval:DenseWeight)" };
        var rrfK = new Option<int?>("--rrf-k") { Description = "RRF-Konstante k (Standard: Anfragen:Retrieval:RrfK)" };
        var chat = new Option<string?>("--chat") { Description = "Chat messen: JSONL mit {\"id\",\"question\",\"relevant\":[…]}; \"relevant\": [] heißt, das Archiv deckt die Frage nicht ab" };
        var drafts = new Option<string?>("--drafts") { Description = "Entwürfe messen: JSONL wie bei --chat, dazu \"subject\" (Betreff der Anfrage)" };
        var command = new Command("eval", "Suchqualität messen: Keyword, Dense und Hybrid nebeneinander");
        foreach (var option in new Option[] { queries, pairs, k, baseline, ablation, sweep, denseWeight, rrfK, chat, drafts })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(chat) is { } chatFile)
            {
                using var chatHost = context.BuildHost(GlobalOptions.Read(parseResult));
                await AnswerEvaluation.RunChatAsync(CliContext.Get<ChatService>(chatHost), chatFile, context.Output, cancellationToken);
                return ExitCodes.Success;
            }

            if (parseResult.GetValue(drafts) is { } draftFile)
            {
                using var draftHost = context.BuildHost(GlobalOptions.Read(parseResult));
                await AnswerEvaluation.RunDraftsAsync(CliContext.Get<DraftingService>(draftHost), draftFile, context.Output, cancellationToken);
                return ExitCodes.Success;
            }

            var request = new RetrievalEvaluationRequest
            {
                QueryFiles = parseResult.GetValue(queries) ?? [],
                PairPaths = parseResult.GetValue(pairs) ?? [],
                K = parseResult.GetValue(k),
                Ablation = parseResult.GetValue(ablation),
                Sweep = parseResult.GetValue(sweep),
                DenseWeight = parseResult.GetValue(denseWeight),
                RrfK = parseResult.GetValue(rrfK),
            };
            if (request.QueryFiles.Count == 0 && request.PairPaths.Count == 0)
            {
                await context.Error.WriteLineAsync("Bitte --queries <datei.jsonl>, --pairs <korpus> oder --chat/--drafts <fragen.jsonl> angeben.");
                return ExitCodes.UsageError;
            }

            var baselineName = parseResult.GetValue(baseline);
            if (baselineName is not null && !string.Equals(baselineName, "lucene", StringComparison.OrdinalIgnoreCase))
            {
                await context.Error.WriteLineAsync($"Unbekannte Baseline \"{baselineName}\" (möglich: lucene).");
                return ExitCodes.UsageError;
            }

            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            await CliContext.Get<RetrievalEvaluation>(host).RunAsync(request with { LuceneBaseline = baselineName is not null }, context.Output, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
