using System.Globalization;
using System.Text.Json;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Imports the archive from an OParl 1.0/1.1 council information system: System → its bodies → each body's paper list,
/// page by page along <c>links.next</c>. A body synced before is asked only for what changed (<c>modified_since</c> the
/// start of its last complete run, less <see cref="SinceMargin"/> against clock drift; papers seen again unchanged cost
/// no download). After each page a checkpoint (the next page's URL) is stored, so an interrupted run resumes there.
/// A body that fails (its list unreachable after the retries) is reported; the other bodies go on.
/// </summary>
public sealed partial class OParlSynchronizer(
    IHttpClientFactory httpClients,
    IOptions<OParlOptions> options,
    OParlStore store,
    IngestionPipeline pipeline,
    IKnowledgeIndex index,
    DocumentTextReader textReader,
    InquiryParser parser,
    TimeProvider time,
    ILogger<OParlSynchronizer> logger)
{
    /// <summary>How far before the last run's start the next run asks: the server's clock may run behind ours.</summary>
    public static readonly TimeSpan SinceMargin = TimeSpan.FromHours(1);

    public async Task<OParlSyncReport> SyncAsync(OParlSyncRequest request, IProgress<OParlSyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OParlClient.IsHttpUrl(request.SystemUrl))
        {
            throw new OParlException(request.SystemUrl, "ist keine http(s)-Adresse eines OParl-Systems", permanent: true);
        }

        var started = time.GetTimestamp();
        var settings = options.Value;
        var client = new OParlClient(httpClients.CreateClient(OParlClient.HttpClientName), settings);
        var importer = new OParlPageImporter(new OParlPaperReader(client, textReader), new OParlDocumentMapper(parser), store, pipeline, index, settings.MaxConcurrentRequests);
        var bodies = await BodiesAsync(client, request.SystemUrl, cancellationToken).ConfigureAwait(false);
        var wanted = string.IsNullOrWhiteSpace(request.Body) ? bodies : bodies.Where(b => Matches(b, request.Body!)).ToList();
        if (wanted.Count == 0)
        {
            var known = string.Join(", ", bodies.Select(b => $"{b.Id} ({b.ShortName ?? b.Name})"));
            throw new OParlException(request.SystemUrl, $"keine Körperschaft „{request.Body}“ gefunden (vorhanden: {(known.Length == 0 ? "keine" : known)})", permanent: true);
        }

        var reports = new List<OParlBodyReport>();
        var issues = new List<IngestionIssue>();
        foreach (var body in wanted)
        {
            reports.Add(await SyncBodyAsync(client, importer, request, body, issues, progress, cancellationToken).ConfigureAwait(false));
        }

        var report = new OParlSyncReport(reports, issues, time.GetElapsedTime(started).TotalSeconds, client.Requests);
        LogSynced(request.SystemUrl, reports.Count, report.Counts.Imported, report.Counts.Unchanged, report.Counts.Deleted, report.Counts.Downloads, issues.Count, report.Seconds);
        return report;
    }

    private async Task<OParlBodyReport> SyncBodyAsync(
        OParlClient client, OParlPageImporter importer, OParlSyncRequest request, OParlBody body, List<IngestionIssue> issues,
        IProgress<OParlSyncProgress>? progress, CancellationToken cancellationToken)
    {
        var name = body.ShortName ?? body.Name ?? body.Id;
        if (string.IsNullOrWhiteSpace(body.Paper))
        {
            issues.Add(new IngestionIssue(body.Id, "Körperschaft ohne Drucksachenliste (Attribut \"paper\")"));
            return new OParlBodyReport(body.Id, name, OParlSyncCounts.Zero, false, null, 0) { Error = "ohne Drucksachenliste" };
        }

        var state = await store.GetStateAsync(body.Id, cancellationToken).ConfigureAwait(false);

        // An explicit --since starts afresh; otherwise an interrupted run is resumed where its checkpoint points.
        var resumed = request.Since is null && state?.CheckpointUrl is not null;
        var runStarted = resumed ? state!.CheckpointStartedAt ?? time.GetUtcNow() : time.GetUtcNow();
        var since = resumed ? state!.CheckpointSince : request.Since ?? state?.Since;
        var counts = resumed ? state!.CheckpointCounts ?? OParlSyncCounts.Zero : OParlSyncCounts.Zero;
        var url = resumed
            ? state!.CheckpointUrl
            : OParlClient.WithQuery(body.Paper, ("modified_since", since is { } s ? FormatSince(s) : null), ("limit", options.Value.PageSize.ToString(CultureInfo.InvariantCulture)));
        var pages = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (url is not null)
            {
                if (!seen.Add(url))
                {
                    issues.Add(new IngestionIssue(url, "links.next zeigt auf eine schon gelesene Seite; Liste hier beendet"));
                    break;
                }

                var page = await client.GetPageAsync(url, cancellationToken).ConfigureAwait(false);
                var result = await importer.ImportAsync(body.Id, page.Data, cancellationToken).ConfigureAwait(false);
                counts = counts.Add(result.Counts);
                issues.AddRange(result.Issues);
                pages++;
                url = page.Next;
                if (url is not null)
                {
                    await store.SaveCheckpointAsync(new OParlSyncState
                    {
                        BodyId = body.Id, SystemUrl = request.SystemUrl, BodyName = name, CheckpointUrl = url, CheckpointStartedAt = runStarted, CheckpointSince = since, CheckpointCounts = counts,
                    }, cancellationToken).ConfigureAwait(false);
                }

                progress?.Report(new OParlSyncProgress(name, pages, counts.Papers, page.TotalElements, counts));
            }
        }
        catch (OParlException ex)
        {
            // The checkpoint stays: the next run resumes at the page that failed.
            issues.Add(new IngestionIssue(ex.Url, ex.Problem));
            LogBodyFailed(body.Id, ex.Message);
            return new OParlBodyReport(body.Id, name, counts, resumed, since, pages) { Error = ex.Message };
        }

        await store.CompleteAsync(body.Id, request.SystemUrl, name, runStarted - SinceMargin, time.GetUtcNow(), counts, cancellationToken).ConfigureAwait(false);
        return new OParlBodyReport(body.Id, name, counts, resumed, since, pages);
    }

    /// <summary>The bodies of a System (its external body list, all pages), or the one body when the URL is a Body.</summary>
    private static async Task<IReadOnlyList<OParlBody>> BodiesAsync(OParlClient client, string url, CancellationToken cancellationToken)
    {
        var root = await client.GetJsonAsync(url, cancellationToken).ConfigureAwait(false);
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
        if (type.EndsWith("/Body", StringComparison.Ordinal))
        {
            return [Deserialize<OParlBody>(root, url)];
        }

        if (!type.EndsWith("/System", StringComparison.Ordinal))
        {
            throw new OParlException(url, $"ist kein OParl-System (type „{type}“, erwartet https://schema.oparl.org/1.1/System)", permanent: true);
        }

        var system = Deserialize<OParlSystem>(root, url);
        if (string.IsNullOrWhiteSpace(system.Body))
        {
            throw new OParlException(url, "OParl-System ohne Körperschaftsliste (Attribut \"body\")", permanent: true);
        }

        var bodies = new List<OParlBody>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var next = system.Body; next is not null && seen.Add(next);)
        {
            var page = await client.GetPageAsync(next, cancellationToken).ConfigureAwait(false);
            bodies.AddRange(page.Data.Select(e => Deserialize<OParlBody>(e, next)).Where(b => !b.Deleted && !string.IsNullOrWhiteSpace(b.Id)));
            next = page.Next;
        }

        return bodies;
    }

    private static T Deserialize<T>(JsonElement element, string url)
    {
        try
        {
            return element.Deserialize<T>(OParlJson.Options) ?? throw new OParlException(url, "liefert kein Objekt", permanent: true);
        }
        catch (JsonException ex)
        {
            throw new OParlException(url, $"liefert kein gültiges OParl-Objekt ({ex.Message})", permanent: true, ex);
        }
    }

    private static bool Matches(OParlBody body, string wanted)
    {
        wanted = wanted.Trim();
        return string.Equals(body.Id, wanted, StringComparison.Ordinal)
            || body.Id.TrimEnd('/').EndsWith("/" + wanted.Trim('/'), StringComparison.Ordinal)
            || string.Equals(body.ShortName, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(body.Name, wanted, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An OParl date-time with offset ("2025-01-31T08:00:00+00:00"), as the spec's examples write it.</summary>
    internal static string FormatSince(DateTimeOffset since) => since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 7300, Level = LogLevel.Information, Message = "OParl sync of {Url}: {Bodies} bodies, {Imported} imported, {Unchanged} unchanged, {Deleted} deleted, {Downloads} downloads, {Issues} issues in {Seconds:F1} s")]
    private partial void LogSynced(string url, int bodies, int imported, int unchanged, int deleted, int downloads, int issues, double seconds);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "OParl sync of body {Body} stopped: {Problem}")]
    private partial void LogBodyFailed(string body, string problem);
}
