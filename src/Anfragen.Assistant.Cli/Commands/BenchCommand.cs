using System.CommandLine;
using Anfragen.Assistant.Evaluation;
using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen bench [--sizes 100000 1000000] [--json]</c>: latency, Lucene reference, memory and ingestion throughput
/// (<see cref="Benchmark"/>), as Markdown or JSON. Only parses arguments.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vocabulary = new Option<string[]>("--vocabulary") { Description = "Dateien/Verzeichnisse, aus deren Wortschatz synthetische Texte entstehen (Standard: ./data)", AllowMultipleArgumentsPerToken = true };
        var sizes = new Option<int[]>("--sizes") { Description = "Indexgrößen in Abschnitten für die Latenzmessung", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [10_000, 100_000] };
        var ingestChunks = new Option<int>("--ingest-chunks") { Description = "Dokumente für die Durchsatzmessung", DefaultValueFactory = _ => 128 };
        var queryCount = new Option<int>("--queries") { Description = "Anfragen je Modus und Größe", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 20251126 };
        var noLucene = new Option<bool>("--no-lucene") { Description = "Ohne den Lucene.Net-Vergleichsindex" };
        var json = new Option<bool>("--json") { Description = "Ergebnis als JSON statt Markdown" };
        var command = new Command("bench", "Latenz, Lucene-Vergleich, Speicherbedarf und Ingestion-Durchsatz messen");
        foreach (var option in new Option[] { vocabulary, sizes, ingestChunks, queryCount, seed, noLucene, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new BenchRequest
            {
                VocabularyPaths = parseResult.GetValue(vocabulary) is { Length: > 0 } v ? v : ["data"],
                Sizes = parseResult.GetValue(sizes) ?? [],
                IngestChunks = parseResult.GetValue(ingestChunks),
                Queries = parseResult.GetValue(queryCount),
                Seed = parseResult.GetValue(seed),
                LuceneReference = !parseResult.GetValue(noLucene),
            };
            if (request.Sizes.Any(s => s <= 0) || request.IngestChunks <= 0 || request.Queries <= 0)
            {
                await context.Error.WriteLineAsync("--sizes, --ingest-chunks und --queries müssen größer als 0 sein.");
                return ExitCodes.UsageError;
            }

            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var asJson = parseResult.GetValue(json);
            var report = await CliContext.Get<Benchmark>(host).RunAsync(request, asJson ? context.Error : null, cancellationToken);
            if (asJson)
            {
                await context.Output.WriteLineAsync(BenchReportWriter.ToJson(report));
            }
            else
            {
                await BenchReportWriter.WriteMarkdownAsync(report, CliContext.Get<IOptions<RetrievalOptions>>(host).Value.CandidatePool, context.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
