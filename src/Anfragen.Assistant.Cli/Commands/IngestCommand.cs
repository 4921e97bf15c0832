using System.CommandLine;
using System.Globalization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen ingest &lt;paths…&gt; [--visibility öffentlich|nichtöffentlich] [--allow-visibility-change]</c>: files,
/// directories (recursive) and JSONL corpora into the archive index. Exit code 2 when an input was unreadable or refused.
/// </summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = new Argument<string[]>("pfade") { Description = "Dateien (.txt .md .html .pdf .docx .jsonl) oder Verzeichnisse", Arity = ArgumentArity.OneOrMore };
        var visibility = new Option<string>("--visibility")
        {
            Description = "Sichtbarkeit für Dokumente ohne eigenen Vermerk (Status Ö/N, „öffentlich“/„nichtöffentlich“ im Kopf, JSONL-Feld visibility)",
            DefaultValueFactory = _ => "nichtöffentlich",
        };
        visibility.AcceptOnlyFromAmong("öffentlich", "nichtöffentlich");
        var allowVisibilityChange = new Option<bool>("--allow-visibility-change")
        {
            Description = "Erlaubt, dass eine neue Fassung ein nichtöffentliches Dokument öffentlich macht (wird protokolliert)",
        };
        var command = new Command("ingest", "Dokumente in den Archiv-Index aufnehmen (unveränderte werden übersprungen, fremde Dokument-IDs abgelehnt)");
        command.Arguments.Add(paths);
        command.Options.Add(visibility);
        command.Options.Add(allowVisibilityChange);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var pipeline = CliContext.Get<IngestionPipeline>(host);
            var inputs = parseResult.GetRequiredValue(paths);
            var request = new IngestionRequest
            {
                DefaultVisibility = DocumentVocabulary.ParseVisibility(parseResult.GetValue(visibility)),
                AllowVisibilityChange = parseResult.GetValue(allowVisibilityChange),
                UserName = Environment.UserName,
            };
            IngestionReport report = null!;
            IngestionProgress? last = null;
            try
            {
                await context.Console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progressContext =>
                    {
                        var task = progressContext.AddTask("Indexieren", maxValue: 1);
                        var progress = new SyncProgress<IngestionProgress>(p =>
                        {
                            last = p;
                            task.MaxValue = Math.Max(1, p.DocumentsTotal);
                            task.Value = p.DocumentsDone;
                            task.Description = $"Indexieren ({p.DocumentsDone}/{p.DocumentsTotal}, {p.ChunksWritten} Abschnitte)";
                        });
                        report = await pipeline.IngestPathsAsync(inputs, request, progress, cancellationToken);
                        task.Value = task.MaxValue;
                    });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Each document is committed on its own, so everything counted here is in the index.
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Abgebrochen (Strg+C oder SIGTERM): {last?.DocumentsDone ?? 0} von {last?.DocumentsTotal.ToString(CultureInfo.InvariantCulture) ?? "?"} Dokumenten gespeichert oder unverändert; sie bleiben im Index. Derselbe Aufruf setzt fort (Unverändertes wird übersprungen)."));
                return ExitCodes.Interrupted;
            }

            WriteSummary(context.Console, report);
            return report.HasInputProblems ? ExitCodes.InputError : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteSummary(IAnsiConsole console, IngestionReport report)
    {
        var table = new Table().AddColumn("Ergebnis").AddColumn(new TableColumn("Wert").RightAligned());
        table.AddRow("Neu", Count(report.New));
        table.AddRow("Aktualisiert (neue Fassung)", Count(report.Updated.Count));
        if (report.Rechunked > 0)
        {
            table.AddRow("Neu aufgeteilt (gleicher Inhalt)", Count(report.Rechunked));
        }

        table.AddRow("Unverändert", Count(report.Unchanged));
        table.AddRow("Abgelehnt", Count(report.Refused.Count));
        table.AddRow("Fehler", Count(report.Errors.Count));
        table.AddRow("Warnungen", Count(report.Warnings.Count));
        table.AddRow("Abschnitte", Count(report.Chunks));
        table.AddRow("Sekunden", report.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        table.AddRow("Abschnitte/s", report.ChunksPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        console.Write(table);

        foreach (var group in report.Skipped.GroupBy(s => s.Reason[(s.Reason.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
        {
            console.MarkupLineInterpolated($"Übersprungen ({group.Key}): {group.Count()}");
        }

        foreach (var replaced in report.Updated)
        {
            var visibility = replaced.VisibilityChanged ? " – Sichtbarkeit geändert" : string.Empty;
            console.MarkupLineInterpolated($"Ersetzt: {replaced.Id} (neue Fassung aus {replaced.Source ?? "?"}, vorige aus {replaced.PreviousSource ?? "?"} aufbewahrt){visibility}");
        }

        foreach (var warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]Warnung:[/] {warning.Source}: {warning.Reason}");
        }

        foreach (var refused in report.Refused)
        {
            console.MarkupLineInterpolated($"[red]Abgelehnt:[/] {refused.Source}: {refused.Reason}");
        }

        foreach (var error in report.Errors)
        {
            console.MarkupLineInterpolated($"[red]Fehler:[/] {error.Source}: {error.Reason}");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool and race the summary).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
