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
        _ = Task.Run(() => RunAsync(job, paths, request, lifetime.ApplicationStopping));
        return true;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Saves uploaded files under {DataDirectory}/uploads/{timestamp}/ and returns their paths for <see cref="TryStart"/>.</summary>
    public async Task<IReadOnlyList<string>> SaveUploadsAsync(IEnumerable<(string FileName, Stream Content)> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var folder = Path.Combine(options.Value.ResolvedDataDirectory, "uploads", timeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmssfff", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var (fileName, content) in files)
        {
            // Only the file name part, so "../" in an upload name cannot leave the folder.
            var safeName = Path.GetFileName(fileName.Replace('\\', '/'));
            if (string.IsNullOrWhiteSpace(safeName))
            {
                continue;
            }

            var path = Path.Combine(folder, safeName);
            await using (var target = File.Create(path))
            {
                await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }

            paths.Add(path);
        }

        return paths;
    }

    private async Task RunAsync(string job, IReadOnlyList<string> paths, IngestionRequest request, CancellationToken cancellationToken)
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

            status.Finish(summary, report);
            await audit.WriteAsync(request.UserName, AuditActions.Ingest, string.Join(", ", paths.Select(Path.GetFileName)), summary, cancellationToken).ConfigureAwait(false);
            LogIngested(logger, job, summary);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status.Fail("abgebrochen (Anwendung wird beendet)");
        }
#pragma warning disable CA1031 // a background job must report any failure on the status page instead of dying silently
        catch (Exception ex)
#pragma warning restore CA1031
        {
            status.Fail($"Fehler: {ex.Message}");
            LogFailed(logger, ex, job);
        }
        finally
        {
            _gate.Release();
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
}
