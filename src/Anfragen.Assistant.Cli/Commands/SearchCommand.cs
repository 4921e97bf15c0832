using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Evaluation;
using Anfragen.Assistant.Retrieval;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary><c>anfragen search "&lt;text&gt;"</c> or <c>anfragen search --queries q.jsonl --json</c>: documents ranked at their best passage.</summary>
public static class SearchCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new Argument<string?>("text") { Description = "Suchtext", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "Anzahl Treffer (Dokumente)", DefaultValueFactory = _ => 10 };
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (Standard), keyword oder dense", DefaultValueFactory = _ => SearchMode.Hybrid };
        var types = new Option<string[]>("--type") { Description = "Nur diese Dokumentarten (Anfrage, Stellungnahme, Mitteilung, Antrag, Vorlage)", AllowMultipleArgumentsPerToken = true };
        var includeNonPublic = new Option<bool>("--include-nonpublic") { Description = "Auch nichtöffentliche Dokumente durchsuchen (nur für berechtigte Personen)" };
        var json = new Option<bool>("--json") { Description = "Ausgabe als JSON (mit --queries: eine Zeile je Anfrage)" };
        var queries = new Option<string?>("--queries") { Description = "JSONL-Datei mit {\"id\",\"query\"} je Zeile (Stapelbetrieb)" };
        var command = new Command("search", "Das Archiv durchsuchen (ohne --include-nonpublic nur öffentliche Dokumente)");
        command.Arguments.Add(text);
        command.Options.Add(top);
        command.Options.Add(mode);
        command.Options.Add(types);
        command.Options.Add(includeNonPublic);
        command.Options.Add(json);
        command.Options.Add(queries);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var queryText = parseResult.GetValue(text);
            var queryFile = parseResult.GetValue(queries);
            if (string.IsNullOrWhiteSpace(queryText) == string.IsNullOrWhiteSpace(queryFile))
            {
                await context.Error.WriteLineAsync("Bitte entweder einen Suchtext oder --queries <datei.jsonl> angeben.");
                return ExitCodes.UsageError;
            }

            var filter = new SearchFilter
            {
                IncludeNonPublic = parseResult.GetValue(includeNonPublic),
                Types = ParseTypes(parseResult.GetValue(types)),
            };
            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var retriever = CliContext.Get<HybridRetriever>(host);
            var count = parseResult.GetValue(top);
            var searchMode = parseResult.GetValue(mode);

            if (queryFile is not null)
            {
                foreach (var (lineNumber, query) in await JsonLinesFile.ReadAsync<BatchQuery>(queryFile, _ => null, Json, cancellationToken))
                {
                    var hits = await retriever.SearchDocumentsAsync(query.Query ?? string.Empty, searchMode, filter, count, cancellationToken);
                    var output = new BatchResult(query.Id ?? lineNumber.ToString(CultureInfo.InvariantCulture), hits.Select(ToJsonHit).ToList());
                    await context.Output.WriteLineAsync(JsonSerializer.Serialize(output, Json));
                }

                return ExitCodes.Success;
            }

            var results = await retriever.SearchDocumentsAsync(queryText!, searchMode, filter, count, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new SingleResult(queryText!, results.Select(ToJsonHit).ToList()), Json));
                return ExitCodes.Success;
            }

            if (results.Count == 0)
            {
                context.Console.WriteLine("Keine Treffer.");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("#").AddColumn("Drucksache").AddColumn("Art").AddColumn("Datum").AddColumn("Titel").AddColumn(new TableColumn("Score").RightAligned());
            var rank = 0;
            foreach (var hit in results)
            {
                var chunk = hit.BestChunk.Chunk;
                table.AddRow(
                    new Text((++rank).ToString(CultureInfo.InvariantCulture)),
                    new Text(hit.DocumentId),
                    new Text(chunk.DocumentType.ToString()),
                    new Text(chunk.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty),
                    new Text(Shorten(hit.Title.Length > 0 ? hit.Title : chunk.Text, 70)),
                    new Text(hit.Score.ToString("F4", CultureInfo.InvariantCulture)));
            }

            context.Console.Write(table);
            var best = results[0].BestChunk.Chunk;
            context.Console.WriteLine($"Bester Abschnitt ({best.ChunkId}): {Shorten(best.Text, 300)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonHit ToJsonHit(DocumentHit hit) => new(hit.DocumentId, hit.BestChunk.Chunk.ChunkId, Math.Round(hit.Score, 6), hit.Title);

    private static List<DocumentType>? ParseTypes(string[]? values)
    {
        if (values is not { Length: > 0 })
        {
            return null;
        }

        var result = new List<DocumentType>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var type = DocumentVocabulary.ParseType(value);
            if (type == DocumentType.Other && !string.Equals(value, "other", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "sonstige", StringComparison.OrdinalIgnoreCase))
            {
                throw new DocumentReadException("--type", $"unbekannte Dokumentart \"{value}\"");
            }

            result.Add(type);
        }

        return result;
    }

    private static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    private sealed record BatchQuery(string? Id, string? Query);

    private sealed record JsonHit(string DocumentId, string ChunkId, double Score, string Title);

    private sealed record BatchResult(string Id, IReadOnlyList<JsonHit> Hits);

    private sealed record SingleResult(string Query, IReadOnlyList<JsonHit> Hits);
}
