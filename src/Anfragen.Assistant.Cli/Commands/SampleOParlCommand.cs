using System.CommandLine;
using Anfragen.Assistant.Ingestion.OParl.Sample;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen sample-oparl [--corpus data/corpus.jsonl] [--port 8089] [--copies N]</c>: serves the fictional sample
/// archive as an OParl 1.1 council information system on 127.0.0.1 until Ctrl+C, for trying and measuring
/// <c>anfragen import oparl</c> without a real one.
/// </summary>
public static class SampleOParlCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var corpus = new Option<string>("--corpus") { Description = "Korpusdatei (JSONL) der Drucksachen", DefaultValueFactory = _ => Path.Combine("data", "corpus.jsonl") };
        var port = new Option<int>("--port") { Description = "Port auf 127.0.0.1 (0: ein freier)", DefaultValueFactory = _ => 8089 };
        var copies = new Option<int>("--copies") { Description = "das Korpus so oft wiederholen (für Messungen mit vielen Drucksachen)", DefaultValueFactory = _ => 1 };
        var command = new Command("sample-oparl", "Beispielarchiv als OParl-Schnittstelle bereitstellen (Demo und Messung von 'import oparl')");
        command.Options.Add(corpus);
        command.Options.Add(port);
        command.Options.Add(copies);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(corpus);
            if (parseResult.GetValue(copies) < 1 || parseResult.GetValue(port) is < 0 or > 65535)
            {
                await context.Error.WriteLineAsync("Fehler: --copies muss mindestens 1 sein, --port zwischen 0 und 65535.");
                return ExitCodes.UsageError;
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException(null, path);
            }

            await using var server = OParlSampleServer.Start(parseResult.GetValue(port));
            var papers = OParlSampleCorpus.Fill(server.Site, path, parseResult.GetValue(copies));
            await context.Output.WriteLineAsync($"OParl-Beispielsystem mit {papers} Drucksachen: {server.Site.SystemUrl}");
            await context.Output.WriteLineAsync($"Übernehmen mit: anfragen import oparl {server.Site.SystemUrl}   (Beenden mit Strg+C)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
