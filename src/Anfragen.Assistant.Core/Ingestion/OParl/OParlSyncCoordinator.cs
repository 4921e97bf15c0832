using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Runs syncs of the configured endpoint one at a time in the background (from the admin page's "jetzt abgleichen" or
/// the periodic sync) and keeps what the page shows: whether one is running, its progress, and the last result.
/// Thread-safe; <see cref="Changed"/> fires on every update.
/// </summary>
public sealed partial class OParlSyncCoordinator(OParlSynchronizer synchronizer, IOptions<OParlOptions> options, TimeProvider time, ILogger<OParlSyncCoordinator> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private OParlSyncStatus _status = OParlSyncStatus.Idle;

    public event Action? Changed;

    public string? Endpoint => options.Value.Endpoint;

    public OParlSyncStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>Starts a sync of the configured endpoint in the background; false when none is configured or one runs.</summary>
    public bool TryStart(CancellationToken stopping)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Endpoint) || !_gate.Wait(0, CancellationToken.None))
        {
            return false;
        }

        Update(_ => new OParlSyncStatus(true, "gestartet", null, null, time.GetUtcNow(), null, false));
        _ = Task.Run(() => RunAsync(stopping), CancellationToken.None);
        return true;
    }

    /// <summary>Runs a sync of the configured endpoint and waits for it; null when one is running already.</summary>
    public async Task<OParlSyncReport?> RunNowAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Endpoint) || !await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        Update(_ => new OParlSyncStatus(true, "gestartet", null, null, time.GetUtcNow(), null, false));
        return await RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<OParlSyncReport?> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var progress = new Reporter(p => Update(s => s with
            {
                Message = $"{p.Body}: Seite {p.Pages}, {p.PapersDone}{(p.PapersTotal is { } total ? $" von {total}" : string.Empty)} Drucksachen, {p.Counts.Downloads} Dateien geladen",
                Done = p.PapersDone,
                Total = p.PapersTotal,
            }));
            var report = await synchronizer.SyncAsync(new OParlSyncRequest(options.Value.Endpoint!, options.Value.Body), progress, cancellationToken).ConfigureAwait(false);
            var failed = report.Bodies.FirstOrDefault(b => b.Error is not null);
            var c = report.Counts;
            var summary = string.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"),
                $"fertig: {c.Imported} aufgenommen, {c.Unchanged} unverändert, {c.Deleted} gelöscht, {c.Refused} zurückgewiesen, {c.Failed} Fehler, {c.Downloads} Dateien geladen, {report.Seconds:F1} s");
            Update(s => s with { Running = false, Message = failed is null ? summary : $"{summary} – abgebrochen: {failed.Error}", FinishedAt = time.GetUtcNow(), Failed = failed is not null });
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Update(s => s with { Running = false, Message = "abgebrochen", FinishedAt = time.GetUtcNow(), Failed = true });
            return null;
        }
#pragma warning disable CA1031 // a background sync must show any failure on the admin page instead of dying silently
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex);
            Update(s => s with { Running = false, Message = $"Fehler: {ex.Message}", FinishedAt = time.GetUtcNow(), Failed = true });
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Update(Func<OParlSyncStatus, OParlSyncStatus> change)
    {
        lock (_lock)
        {
            _status = change(_status);
        }

        Changed?.Invoke();
    }

    [LoggerMessage(EventId = 7310, Level = LogLevel.Error, Message = "OParl sync failed")]
    private partial void LogFailed(Exception exception);

    private sealed class Reporter(Action<OParlSyncProgress> report) : IProgress<OParlSyncProgress>
    {
        public void Report(OParlSyncProgress value) => report(value);
    }
}

/// <summary>One reading of the coordinator: running or not, a German message, papers done of total, start and end.</summary>
public sealed record OParlSyncStatus(bool Running, string Message, int? Done, int? Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, bool Failed)
{
    public static OParlSyncStatus Idle { get; } = new(false, "kein Abgleich gelaufen, seit die Anwendung läuft", null, null, null, null, false);
}
