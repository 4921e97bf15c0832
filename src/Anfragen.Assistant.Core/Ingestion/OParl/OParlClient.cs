using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// GETs OParl objects, list pages and files. Retries, backoff and attempt timeouts come from the resilience handler of
/// the named HttpClient (<see cref="OParlServiceCollectionExtensions"/>); this class reads the answers within bounds:
/// JSON and files are streamed into memory up to <see cref="OParlOptions.MaxFileBytes"/>, a body that stalls is cut off
/// after <see cref="OParlOptions.DownloadTimeout"/>. Every failure becomes an <see cref="OParlException"/> naming the URL.
/// </summary>
internal sealed class OParlClient(HttpClient http, OParlOptions options)
{
    public const string HttpClientName = "Anfragen.OParl";

    // A list page or object is far smaller (100 papers with their files inline: ~0.2 MB); this only bounds memory.
    internal const long MaxJsonBytes = 32L * 1024 * 1024;

    private int _requests;

    /// <summary>HTTP requests sent by this client (list pages, objects and files; retries not counted).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The URL with query parameters added (values escaped), keeping the ones it has.</summary>
    public static string WithQuery(string url, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var added = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        if (added.Length == 0)
        {
            return url;
        }

        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var head = fragment >= 0 ? url[..fragment] : url;
        return head + (head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? string.Empty : "&") : "?") + added;
    }

    public async Task<T> GetObjectAsync<T>(string url, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            return json.Deserialize<T>(OParlJson.Options) ?? throw new OParlException(url, "liefert kein Objekt", permanent: true);
        }
        catch (JsonException ex)
        {
            throw new OParlException(url, $"liefert kein gültiges OParl-Objekt ({ex.Message})", permanent: true, ex);
        }
    }

    public async Task<OParlListPage> GetPageAsync(string url, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(url, cancellationToken).ConfigureAwait(false);
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new OParlException(url, "ist keine OParl-Objektliste (Attribut \"data\" fehlt)", permanent: true);
        }

        string? next = null;
        if (json.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty("next", out var nextElement) && nextElement.ValueKind == JsonValueKind.String)
        {
            next = nextElement.GetString();
        }

        int? total = json.TryGetProperty("pagination", out var pagination) && pagination.ValueKind == JsonValueKind.Object
            && pagination.TryGetProperty("totalElements", out var totalElement) && totalElement.TryGetInt32(out var count) ? count : null;
        return new OParlListPage([.. data.EnumerateArray()], string.IsNullOrWhiteSpace(next) ? null : next, total);
    }

    public async Task<JsonElement> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        var bytes = await GetBytesAsync(url, null, MaxJsonBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(bytes.Content);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new OParlException(url, $"liefert kein gültiges JSON ({ex.Message})", permanent: true, ex);
        }
    }

    /// <summary>A file's bytes; refused before or while downloading when larger than the limit.</summary>
    public Task<DownloadedContent> DownloadAsync(string url, long? announcedSize, CancellationToken cancellationToken) =>
        GetBytesAsync(url, announcedSize, options.MaxFileBytes, cancellationToken);

    private async Task<DownloadedContent> GetBytesAsync(string url, long? announcedSize, long limit, CancellationToken cancellationToken)
    {
        if (!IsHttpUrl(url))
        {
            throw new OParlException(url, "ist keine http(s)-Adresse", permanent: true);
        }

        if (announcedSize > limit)
        {
            throw TooLarge(url, announcedSize.Value, limit);
        }

        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new OParlException(url, $"nicht erreichbar ({ex.Message})", permanent: false, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new OParlException(url, $"antwortet nicht (Zeitüberschreitung nach {options.RequestTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s, {options.MaxRetries + 1} Versuche)", permanent: false, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                // 5xx, 408 and 429 were retried by the handler; a 4xx is the server's final word (410: deleted file).
                var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
                throw new OParlException(url, $"antwortet mit HTTP {status} {response.ReasonPhrase}".TrimEnd(), permanent);
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                throw TooLarge(url, response.Content.Headers.ContentLength.Value, limit);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.DownloadTimeout);
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw TooLarge(url, buffer.Length + read, limit, whileReading: true);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return new DownloadedContent(buffer.ToArray(), response.Content.Headers.ContentType?.MediaType);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OParlException(url, $"Download abgebrochen (nach {options.DownloadTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s nicht vollständig)", permanent: false, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw new OParlException(url, $"Download abgebrochen ({ex.Message})", permanent: false, ex);
            }
        }
    }

    private static OParlException TooLarge(string url, long size, long limit, bool whileReading = false) => limit == MaxJsonBytes
        ? new(url, $"Antwort ist zu groß ({(whileReading ? "mehr als " : string.Empty)}{Bytes(size)}; höchstens {Bytes(limit)} JSON je Objekt oder Listenseite)", permanent: true)
        : new(url, $"Datei ist zu groß ({(whileReading ? "mehr als " : string.Empty)}{Bytes(size)}; erlaubt sind höchstens {Bytes(limit)}, Einstellung Anfragen:OParl:MaxFileBytes)", permanent: true);

    private static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("de-DE")) + " MB"
        : bytes.ToString("N0", CultureInfo.GetCultureInfo("de-DE")) + " Bytes";
}

/// <summary>The bytes of a response and its media type as the server sent it.</summary>
internal sealed record DownloadedContent(byte[] Content, string? MediaType);
