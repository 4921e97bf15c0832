using System.CommandLine;
using System.Globalization;
using Anfragen.Assistant.Ingestion.OParl;
using Spectre.Console;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen import oparl &lt;system-url&gt; [--body ID] [--since DATUM]</c>: the archive straight from a council
/// information system's OParl interface, incrementally. Exit codes: 0 all imported, 2 some papers or files not imported
/// (reported), 3 the server failed (a body's list unreachable after the retries; the next run resumes there).
/// </summary>
public static class ImportCommand
{
    private const int MaxIssuesShown = 50;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("import", "Archiv aus einer externen Quelle übernehmen");
        command.Subcommands.Add(CreateOParl(context));
        return command;
    }

    private static Command CreateOParl(CliContext context)
    {
        var url = new Argument<string>("system-url") { Description = "URL des OParl-System-Objekts (Einstiegspunkt des Ratsinformationssystems) oder einer Körperschaft (Body)" };
        var body = new Option<string?>("--body") { Description = "nur diese Körperschaft: ihre OParl-id, deren letzter Teil oder ihr Kurzname" };
        var since = new Option<string?>("--since") { Description = "nur Drucksachen, die seit diesem Zeitpunkt geändert wurden (JJJJ-MM-TT oder ISO-Zeitpunkt); sonst seit dem letzten Abgleich" };
        var command = new Command("oparl", "Drucksachen über OParl 1.0/1.1 übernehmen: beim ersten Mal alle, danach nur Neues und Geändertes");
        command.Arguments.Add(url);
        command.Options.Add(body);
        command.Options.Add(since);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var systemUrl = parseResult.GetRequiredValue(url);
            if (!Uri.TryCreate(systemUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                await context.Error.WriteLineAsync($"Fehler: „{systemUrl}“ ist keine http(s)-Adresse eines OParl-Systems.");
                return ExitCodes.UsageError;
            }

            DateTimeOffset? sinceValue = null;
            if (parseResult.GetValue(since) is { } sinceText)
            {
                if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await context.Error.WriteLineAsync($"Fehler: --since „{sinceText}“ ist kein Datum (JJJJ-MM-TT oder ISO-Zeitpunkt).");
                    return ExitCodes.UsageError;
                }

                sinceValue = parsed;
            }

            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var synchronizer = CliContext.Get<OParlSynchronizer>(host);
            OParlSyncReport report;
            try
            {
                report = await RunAsync(context.Console, synchronizer, new OParlSyncRequest(systemUrl, parseResult.GetValue(body), sinceValue), cancellationToken);
            }
            catch (OParlException ex)
            {
                await context.Error.WriteLineAsync($"Fehler: {ex.Message}");
                return ex.Permanent ? ExitCodes.InputError : ExitCodes.SystemError;
            }

            WriteSummary(context.Console, report);
            return report.Bodies.Any(b => b.Error is not null) ? ExitCodes.SystemError
                : report.Counts.Failed > 0 || report.Counts.Refused > 0 ? ExitCodes.InputError
                : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<OParlSyncReport> RunAsync(IAnsiConsole console, OParlSynchronizer synchronizer, OParlSyncRequest request, CancellationToken cancellationToken)
    {
        OParlSyncReport report = null!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progressContext =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SyncProgress<OParlSyncProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Body, out var task))
                    {
                        task = tasks[p.Body] = progressContext.AddTask(Markup.Escape(p.Body), maxValue: 1);
                        task.IsIndeterminate = true;
                    }

                    if (p.PapersTotal is { } total)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = Math.Max(1, Math.Max(total, p.PapersDone));
                    }

                    task.Value = p.PapersDone;
                    var c = p.Counts;
                    task.Description = Markup.Escape($"{p.Body}: {p.PapersDone}{(p.PapersTotal is { } t ? $"/{t}" : string.Empty)} Drucksachen, {c.Imported} aufgenommen, {c.Unchanged} unverändert, {c.Deleted} gelöscht, {c.Downloads} Dateien");
                });
                report = await synchronizer.SyncAsync(request, progress, cancellationToken);
                foreach (var task in tasks.Values)
                {
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                }
            });
        return report;
    }

    private static void WriteSummary(IAnsiConsole console, OParlSyncReport report)
    {
        var table = new Table().AddColumn("Ergebnis");
        foreach (var body in report.Bodies)
        {
            table.AddColumn(new TableColumn(Markup.Escape(body.Name ?? body.BodyId) + (body.Resumed ? " (fortgesetzt)" : string.Empty)).RightAligned());
        }

        (string Label, Func<OParlSyncCounts, long> Value)[] rows =
        [
            ("Drucksachen gelistet", c => c.Papers), ("aufgenommen (neu/geändert)", c => c.Imported), ("unverändert", c => c.Unchanged), ("gelöscht", c => c.Deleted),
            ("zurückgewiesen (nichtöffentlich vorhanden)", c => c.Refused), ("Fehler", c => c.Failed), ("Dateien geladen", c => c.Downloads),
        ];
        foreach (var (label, value) in rows)
        {
            table.AddRow([label, .. report.Bodies.Select(b => value(b.Counts).ToString(CultureInfo.InvariantCulture))]);
        }

        console.Write(table);
        var total = report.Counts;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Seconds:F1} s (davon Indexieren {total.IndexSeconds:F1} s), {report.Requests} Anfragen an den Server, {total.Downloads} Dateien ({total.DownloadedBytes / 1024.0 / 1024.0:F1} MB), {report.DownloadsPerSecond:F1} Dateien/s, ohne Indexieren {report.DownloadsPerImportSecond:F1} Dateien/s"));
        foreach (var body in report.Bodies.Where(b => b.Error is not null))
        {
            console.MarkupLineInterpolated($"[red]Abgebrochen:[/] {body.Name}: {body.Error} – der nächste Lauf setzt dort fort.");
        }

        foreach (var issue in report.Issues.Take(MaxIssuesShown))
        {
            console.MarkupLineInterpolated($"[yellow]Hinweis:[/] {issue.Source}: {issue.Reason}");
        }

        if (report.Issues.Count > MaxIssuesShown)
        {
            console.WriteLine($"… und {report.Issues.Count - MaxIssuesShown} weitere Hinweise.");
        }
    }

    /// <summary>Reports synchronously on the caller's thread, so the summary never races a late progress update.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
