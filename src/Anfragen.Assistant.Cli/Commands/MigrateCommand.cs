using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Storage.Qdrant;
using Anfragen.Assistant.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen migrate --to qdrant [--qdrant-url URL] [--collection NAME] [--data-dir D]</c>: copies the embedded SQLite
/// index into Qdrant with the stored vectors (no re-embedding). Documents whose content hash Qdrant already holds are
/// skipped, so an interrupted migration is simply run again.
/// </summary>
public static class MigrateCommand
{
    private const int ProgressEvery = 25;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = new Option<string>("--to")
        {
            Description = "Ziel-Index (derzeit nur: qdrant)",
            Required = true,
        };
        to.AcceptOnlyFromAmong("qdrant");
        var collection = new Option<string?>("--collection")
        {
            Description = "Qdrant-Sammlung (Standard: Anfragen:Qdrant:Collection, sonst \"anfragen\")",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Auch Dokumente übertragen, die Qdrant mit gleichem Inhalt schon hat",
        };

        var command = new Command("migrate", "Eingebetteten SQLite-Index mit den gespeicherten Vektoren nach Qdrant kopieren (ohne Neuberechnung)")
        {
            to,
            collection,
            force,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // The source is always the embedded index, whatever --index says; the target is built from Anfragen:Qdrant.
            var settings = GlobalOptions.Read(parseResult) with { Index = nameof(IndexProvider.Sqlite) };
            using var host = context.BuildHost(settings);
            var dataDirectory = host.Services.GetRequiredService<IOptions<AssistantOptions>>().Value.ResolvedDataDirectory;
            var databasePath = Path.Combine(dataDirectory, SqliteKnowledgeIndex.DatabaseFileName);
            if (!File.Exists(databasePath))
            {
                throw new DocumentReadException(databasePath, "kein eingebetteter Index vorhanden (zuerst indexieren oder --data-dir angeben)");
            }

            var source = host.Services.GetRequiredService<IKnowledgeIndex>();
            var statistics = await source.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            if (statistics.Model is null || statistics.Documents == 0)
            {
                throw new DocumentReadException(databasePath, "der eingebettete Index ist leer, es gibt nichts zu übertragen");
            }

            var options = new QdrantOptions();
            host.Services.GetRequiredService<IConfiguration>().GetSection(QdrantOptions.SectionName).Bind(options);
            if (parseResult.GetValue(collection) is { Length: > 0 } name)
            {
                options.Collection = name;
            }

            using var target = new QdrantKnowledgeIndex(
                Options.Create(options),
                host.Services.GetRequiredService<GermanTextAnalyzer>(),
                host.Services.GetRequiredService<ILoggerFactory>());
            await target.InitializeAsync(statistics.Model, cancellationToken).ConfigureAwait(false);

            var output = context.Output;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Übertrage {statistics.Documents} Dokumente ({statistics.Chunks} Abschnitte, Modell {statistics.Model.ModelId}, {statistics.Model.Dimensions} Dimensionen)")).ConfigureAwait(false);
            await output.WriteLineAsync($"  von {databasePath}").ConfigureAwait(false);
            await output.WriteLineAsync($"  nach Qdrant {options.Url}, Sammlung '{options.Collection}'").ConfigureAwait(false);

            var started = Stopwatch.GetTimestamp();
            var skipForce = parseResult.GetValue(force);
            long done = 0, copied = 0, skipped = 0, chunks = 0;
            await foreach (var document in source.ExportAsync(cancellationToken).ConfigureAwait(false))
            {
                var existing = skipForce ? null : await target.GetContentHashAsync(document.Document.Id, cancellationToken).ConfigureAwait(false);
                if (existing is not null && string.Equals(existing, document.Document.ContentHash, StringComparison.Ordinal))
                {
                    skipped++;
                }
                else
                {
                    await target.UpsertAsync(document, cancellationToken).ConfigureAwait(false);
                    copied++;
                    chunks += document.Chunks.Count;
                }

                done++;
                if (done % ProgressEvery == 0 || done == statistics.Documents)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {done}/{statistics.Documents} Dokumente")).ConfigureAwait(false);
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var result = await target.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Fertig in {elapsed.TotalSeconds:F1} s: {copied} Dokumente mit {chunks} Abschnitten übertragen, {skipped} unverändert übersprungen. "
                + $"Die Sammlung enthält jetzt {result.Documents} Dokumente und {result.Chunks} Abschnitte.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
