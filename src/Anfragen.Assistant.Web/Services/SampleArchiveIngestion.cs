using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// At start, in the background: resumes uploads an earlier stop cut short, then, with an empty index, ingests the
/// sample archive (data/ of the repository). Startup does not wait for either; Administration shows the progress.
/// </summary>
public sealed partial class SampleArchiveIngestion(
    IKnowledgeIndex index,
    ArchiveIngestionRunner runner,
    IngestionStatus status,
    IOptions<WebOptions> options,
    IWebHostEnvironment environment,
    ILogger<SampleArchiveIngestion> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            // Uploads cut short by the last stop come first: they were the administrator's work in progress.
            await runner.ResumeInterruptedUploadsAsync(stoppingToken).ConfigureAwait(false);
            if (!options.Value.IngestSampleDataOnEmptyIndex)
            {
                return;
            }

            // Empty index, or a sample run that started and never finished (the app was stopped): (re-)ingest. The
            // pipeline skips documents already written by their content hash, so an interrupted run resumes cheaply. An
            // archive that is already there (ingested with the CLI, or a real one) never gets the fictional sample mixed in.
            var statistics = await index.GetStatisticsAsync(stoppingToken).ConfigureAwait(false);
            if (!SampleRunNeeded(statistics.Documents, File.Exists(runner.SampleStartedPath), File.Exists(runner.SampleMarkerPath)))
            {
                return;
            }

            var paths = SampleDataLocator.Find(options.Value.SampleDataPath, environment.ContentRootPath, AppContext.BaseDirectory);
            if (paths is null)
            {
                status.Fail($"Beispielarchiv '{options.Value.SampleDataPath}' nicht gefunden (Anfragen:SampleDataPath).");
                LogNotFound(logger, options.Value.SampleDataPath);
                return;
            }

            var joined = string.Join(", ", paths);
            LogStarting(logger, joined);
            runner.TryStart(ArchiveIngestionRunner.SampleJob, paths, new Ingestion.IngestionRequest { UserName = "system" });
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // the app must start even when the index cannot be read; the status page says why
        catch (Exception ex)
#pragma warning restore CA1031
        {
            status.Fail($"Index nicht lesbar: {ex.Message}");
            LogFailed(logger, ex);
        }
    }

    /// <summary>An empty index gets the sample archive; so does one whose sample run started and never finished; any other archive is left as it is.</summary>
    internal static bool SampleRunNeeded(long documents, bool started, bool finished) => documents == 0 || (started && !finished);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Index is empty; ingesting the sample archive from {Path} in the background")]
    private static partial void LogStarting(ILogger logger, string path);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Warning, Message = "Sample archive {Path} not found; the index stays empty")]
    private static partial void LogNotFound(ILogger logger, string path);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Error, Message = "Could not check or fill the index at start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
