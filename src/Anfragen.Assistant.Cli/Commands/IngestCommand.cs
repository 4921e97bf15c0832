using System.CommandLine;
using System.Globalization;
using Anfragen.Assistant.Ingestion;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary><c>anfragen ingest &lt;paths…&gt;</c>: files, directories (recursive) and JSONL corpora into the archive index.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = new Argument<string[]>("pfade") { Description = "Dateien (.txt .md .html .pdf .docx .jsonl) oder Verzeichnisse", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Dokumente in den Archiv-Index aufnehmen (unveränderte werden übersprungen)");
        command.Arguments.Add(paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var pipeline = CliContext.Get<IngestionPipeline>(host);
            var inputs = parseResult.GetRequiredValue(paths);
            IngestionReport report = null!;
            await context.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progressContext =>
                {
                    var task = progressContext.AddTask("Indexieren", maxValue: 1);
                    var progress = new SyncProgress<IngestionProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.DocumentsTotal);
                        task.Value = p.DocumentsDone;
                        task.Description = $"Indexieren ({p.DocumentsDone}/{p.DocumentsTotal}, {p.ChunksWritten} Abschnitte)";
                    });
                    report = await pipeline.IngestPathsAsync(inputs, progress, cancellationToken);
                    task.Value = task.MaxValue;
                });

            WriteSummary(context.Console, report);
            return report.Errors.Count > 0 ? ExitCodes.InputError : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteSummary(IAnsiConsole console, IngestionReport report)
    {
        var table = new Table().AddColumn("Ergebnis").AddColumn(new TableColumn("Wert").RightAligned());
        table.AddRow("Dokumente indexiert", report.Documents.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Abschnitte", report.Chunks.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Übersprungen", report.Skipped.Count.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Fehler", report.Errors.Count.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Sekunden", report.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        table.AddRow("Abschnitte/s", report.ChunksPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        console.Write(table);

        var reasons = report.Skipped.GroupBy(s => s.Reason[(s.Reason.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();
        foreach (var group in reasons)
        {
            console.MarkupLineInterpolated($"Übersprungen ({group.Key}): {group.Count()}");
        }

        foreach (var error in report.Errors)
        {
            console.MarkupLineInterpolated($"[red]Fehler:[/] {error.Source}: {error.Reason}");
        }
    }

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool and race the summary).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
