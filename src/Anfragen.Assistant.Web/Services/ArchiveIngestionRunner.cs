using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Review;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Runs archive ingestion jobs one at a time in the background (never inside a request or a search) and reports
/// their progress to <see cref="IngestionStatus"/>.
/// </summary>
public sealed partial class ArchiveIngestionRunner(
    IngestionPipeline pipeline,
    Storage.IKnowledgeIndex index,
    IngestionStatus status,
    AuditLog audit,
    IOptions<AssistantOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<ArchiveIngestionRunner> logger) : IDisposable
{
    public const string SampleJob = "Beispielarchiv";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Written when the sample archive was ingested completely, so it is not ingested again at the next start.</summary>
    public string SampleMarkerPath => Path.Combine(options.Value.ResolvedDataDirectory, "sample-archive.done");

    /// <summary>Written when a sample run starts: with it and without <see cref="SampleMarkerPath"/>, the run was interrupted.</summary>
    public string SampleStartedPath => Path.Combine(options.Value.ResolvedDataDirectory, "sample-archive.started");

    /// <summary>Where uploads are kept: one folder per upload, and beside it its journal (<c>{folder}.json</c>).</summary>
    public string UploadsDirectory => Path.Combine(options.Value.ResolvedDataDirectory, "uploads");

    /// <summary>
    /// Ingests files or directories as <paramref name="request"/> says (who, visibility for unmarked files, whether a
    /// new version may lower visibility); returns false when another job is still running.
    /// </summary>
    public bool TryStart(string job, IReadOnlyList<string> paths, IngestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_gate.Wait(0))
        {
            return false;
        }

        status.Start(job);
        _ = Task.Run(() => RunAsync(job, paths, request, journal: null, lifetime.ApplicationStopping));
        return true;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Saves uploaded files under {DataDirectory}/uploads/{stamp}/ and starts their ingestion in the background. Nothing
    /// is written when a name is unusable or another job runs, and a save that fails half-way removes what it wrote.
    /// A journal beside the folder marks the job as running until it ends, so a restart in between resumes it
    /// (<see cref="ResumeInterruptedUploadsAsync"/>).
    /// </summary>
    public async Task<UploadResult> StartUploadAsync(IReadOnlyList<(string FileName, Stream Content)> files, IngestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(request);
        var names = new List<string>();
        foreach (var (fileName, _) in files)
        {
            if (UploadFileName.MakeSafe(fileName) is not { } safe)
            {
                return new UploadResult(UploadOutcome.BadName, $"Dateiname „{Printable(fileName)}“ ist ungültig (leer oder nur Punkte); nichts wurde gespeichert.");
            }

            names.Add(UploadFileName.Unique(safe, names));
        }

        if (names.Count == 0)
        {
            return new UploadResult(UploadOutcome.BadName, "Keine Dateien hochgeladen.");
        }

        if (!_gate.Wait(0, CancellationToken.None))
        {
            return new UploadResult(UploadOutcome.Busy, "Eine Aufnahme läuft bereits; bitte warten. Die Dateien wurden nicht gespeichert.");
        }

        var stamp = $"{timeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmssfff", System.Globalization.CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
        var folder = Path.Combine(UploadsDirectory, stamp);
        var journal = new UploadJournal(UploadsDirectory, stamp);
        var started = false;
        try
        {
            Directory.CreateDirectory(folder);
            var paths = new List<string>();
            for (var i = 0; i < names.Count; i++)
            {
                var path = Path.Combine(folder, names[i]);
                await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await files[i].Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                }

                paths.Add(path);
            }

            var job = $"Upload ({paths.Count} Dateien)";
            await journal.WriteAsync(new UploadJob(job, request.UserName, timeProvider.GetUtcNow(), names, UploadJob.Running, null)
            {
                DefaultVisibility = request.DefaultVisibility,
                AllowVisibilityChange = request.AllowVisibilityChange,
            }, CancellationToken.None).ConfigureAwait(false);
            status.Start(job);
            _ = Task.Run(() => RunAsync(job, paths, request, journal, lifetime.ApplicationStopping), CancellationToken.None);
            started = true;
            return new UploadResult(UploadOutcome.Started, $"{paths.Count} Dateien werden aufgenommen.");
        }
        finally
        {
            if (!started)
            {
                journal.Delete();
                DeleteQuietly(folder);
                _gate.Release();
            }
        }
    }

    /// <summary>
    /// Uploads whose journal still says running were cut short by a stop or crash of the app: they are ingested again,
    /// one after the other (documents already stored are skipped by their content hash), and end as finished or failed.
    /// </summary>
    public async Task ResumeInterruptedUploadsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (journal, job) in UploadJournal.FindRunning(UploadsDirectory))
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var name = $"{job.Job} von {job.UserName}, nach Neustart fortgesetzt";
            LogResuming(logger, name, job.StartedAt);
            var paths = job.Files.Select(f => Path.Combine(journal.Folder, f)).ToList();
            if (!paths.All(File.Exists))
            {
                status.Start(name);
                var missing = string.Join(", ", job.Files.Where(f => !File.Exists(Path.Combine(journal.Folder, f))));
                await FailAsync(journal, job, $"nicht fortsetzbar, Dateien fehlen: {missing}", job.UserName).ConfigureAwait(false);
                _gate.Release();
                continue;
            }

            // The same choices as at the upload: who, visibility for unmarked files, whether visibility may change.
            var request = new IngestionRequest { UserName = job.UserName, DefaultVisibility = job.DefaultVisibility, AllowVisibilityChange = job.AllowVisibilityChange };
            status.Start(name);
            await RunAsync(name, paths, request, journal, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(UploadJournal journal, UploadJob job, string message, string userName)
    {
        status.Fail(message);
        await journal.WriteAsync(job with { State = UploadJob.Failed, Result = message }, CancellationToken.None).ConfigureAwait(false);
        await audit.WriteAsync(userName, AuditActions.Ingest, string.Join(", ", job.Files), message, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RunAsync(string job, IReadOnlyList<string> paths, IngestionRequest request, UploadJournal? journal, CancellationToken cancellationToken)
    {
        try
        {
            if (job == SampleJob)
            {
                Directory.CreateDirectory(options.Value.ResolvedDataDirectory);
                await File.WriteAllTextAsync(SampleStartedPath, timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }

            // Into an empty archive (first start, or the first upload of a real archive) searches find little until the
            // job ends; search and chat say so instead of "nothing found".
            if (job == SampleJob || (await index.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).Documents == 0)
            {
                status.BuildingArchive();
            }

            var progress = new InlineProgress<IngestionProgress>(p => status.Progress(
                $"{p.DocumentsDone}/{p.DocumentsTotal} Dokumente, {p.ChunksWritten} Abschnitte{(p.Current is null ? string.Empty : $" – {p.Current}")}", p.DocumentsDone, p.DocumentsTotal));
            var report = await pipeline.IngestPathsAsync(paths, request, progress, cancellationToken).ConfigureAwait(false);
            var summary = Summarize(report);
            if (job == SampleJob && !report.HasInputProblems)
            {
                await File.WriteAllTextAsync(SampleMarkerPath, summary, cancellationToken).ConfigureAwait(false);
            }

            if (journal is not null && await journal.ReadAsync().ConfigureAwait(false) is { } entry)
            {
                await journal.WriteAsync(entry with { State = UploadJob.Finished, Result = summary }, CancellationToken.None).ConfigureAwait(false);
            }

            status.Finish(summary, report);
            await audit.WriteAsync(request.UserName, AuditActions.Ingest, string.Join(", ", paths.Select(Path.GetFileName)), summary, cancellationToken).ConfigureAwait(false);
            LogIngested(logger, job, summary);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The journal stays "running": the next start resumes the upload.
            status.Fail(journal is null ? "abgebrochen (Anwendung wird beendet)" : "abgebrochen (Anwendung wird beendet); wird beim nächsten Start fortgesetzt");
        }
#pragma warning disable CA1031 // a background job must report any failure on the status page instead of dying silently
        catch (Exception ex)
#pragma warning restore CA1031
        {
            status.Fail($"Fehler: {ex.Message}");
            LogFailed(logger, ex, job);
            if (journal is not null && await journal.ReadAsync().ConfigureAwait(false) is { } entry)
            {
                await journal.WriteAsync(entry with { State = UploadJob.Failed, Result = $"Fehler: {ex.Message}" }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Printable(string? name) =>
        name is null ? string.Empty : new string([.. name.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next upload's clean-up; it holds no journal, so it is never ingested.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string Summarize(IngestionReport report)
    {
        var summary = string.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"),
            $"fertig: {report.New} neu, {report.Updated.Count} aktualisiert, {report.Unchanged} unverändert, {report.Refused.Count} abgelehnt, {report.Errors.Count} Fehler, {report.Warnings.Count} Warnungen; {report.Chunks} Abschnitte, {report.Seconds:F1} s");
        var replaced = report.Updated.Count == 0 ? string.Empty : $" – ersetzt: {string.Join(", ", report.Updated.Select(u => u.Id))}";
        var problems = report.Refused.Concat(report.Errors).Select(e => $"{Path.GetFileName(e.Source)}: {e.Reason}")
            .Concat(report.Warnings.Select(w => $"Warnung: {Path.GetFileName(w.Source)}: {w.Reason}"))
            .Take(5)
            .ToList();
        return summary + replaced + (problems.Count == 0 ? string.Empty : $" – {string.Join("; ", problems)}");
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Ingestion job {Job} finished: {Report}")]
    private static partial void LogIngested(ILogger logger, string job, string report);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Ingestion job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Resuming interrupted ingestion job {Job} (started {StartedAt})")]
    private static partial void LogResuming(ILogger logger, string job, DateTimeOffset startedAt);
}
