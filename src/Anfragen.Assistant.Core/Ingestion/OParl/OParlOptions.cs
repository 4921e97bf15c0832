using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// "Anfragen:OParl": the council information system the archive is imported from, and how politely it is asked.
/// Checked on start by <see cref="OParlOptionsValidator"/>.
/// </summary>
public sealed class OParlOptions
{
    public const string SectionName = "Anfragen:OParl";

    /// <summary>The OParl System URL (entry point) the web app's "jetzt abgleichen" and the periodic sync use; optional for the CLI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Only this body (its OParl id, or the last part of it); all bodies of the system when empty.</summary>
    public string? Body { get; set; }

    /// <summary>Requests (list pages, objects, files) in flight at the same time; a council server is shared with the public.</summary>
    [Range(1, 16)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>A file larger than this is not downloaded (checked on the announced size and while streaming).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Timeout of one attempt (until the response headers arrive).</summary>
    [Range(0.1, 3600)]
    public double RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Time allowed to read one file's content after its headers arrived.</summary>
    [Range(1, 3600)]
    public double DownloadTimeoutSeconds { get; set; } = 300;

    /// <summary>Retries after a 429, a 5xx or a timed-out attempt (exponential backoff with jitter, Retry-After honoured).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first wait between attempts; it doubles with each retry.</summary>
    [Range(0, 600)]
    public double RetryDelaySeconds { get; set; } = 2;

    /// <summary>Objects asked for per list page (the OParl <c>limit</c> parameter; servers may ignore it).</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Minutes between periodic syncs of <see cref="Endpoint"/> by the web app; 0 (default) turns it off.</summary>
    [Range(0, 7 * 24 * 60)]
    public int SyncIntervalMinutes { get; set; }

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public TimeSpan DownloadTimeout => TimeSpan.FromSeconds(DownloadTimeoutSeconds);

    public TimeSpan RetryDelay => TimeSpan.FromSeconds(RetryDelaySeconds);
}
