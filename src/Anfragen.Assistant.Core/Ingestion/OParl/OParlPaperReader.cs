using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Reads what one paper consists of: its files (mainFile, then each auxiliaryFile, inline or by URL) as text, and its
/// Beratungsfolge (each consultation's committee and meeting date). A file whose fingerprint (modified, URLs, size,
/// checksums, type) is remembered is not downloaded again; its remembered text is used. Files are fetched through
/// accessUrl, else downloadUrl, and read by mimeType with the archive's own readers; a file that cannot be read yields
/// the text the server extracted (File.text) where it gives one. Organizations and meetings are looked up once per run.
/// </summary>
internal sealed class OParlPaperReader(OParlClient client, DocumentTextReader reader)
{
    private readonly ConcurrentDictionary<string, Task<OParlOrganization?>> _organizations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<OParlMeeting?>> _meetings = new(StringComparer.Ordinal);

    // mimeType → the file extension DocumentTextReader selects its reader by.
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["text/x-markdown"] = ".md",
        ["text/html"] = ".html",
        ["application/xhtml+xml"] = ".html",
        ["application/pdf"] = ".pdf",
        ["application/x-pdf"] = ".pdf",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
    };

    public async Task<PaperFiles> ReadFilesAsync(OParlPaper paper, IReadOnlyList<StoredFile> remembered, CancellationToken cancellationToken)
    {
        var known = remembered.ToDictionary(f => f.FileId, StringComparer.Ordinal);
        var result = new PaperFiles();
        var references = OParlJson.Items(paper.MainFile).Select(e => (Element: e, Main: true))
            .Concat(OParlJson.Items(paper.AuxiliaryFile).Select(e => (Element: e, Main: false)));
        foreach (var (element, main) in references)
        {
            OParlFile file;
            try
            {
                file = await ResolveAsync<OParlFile>(element, cancellationToken).ConfigureAwait(false);
            }
            catch (OParlException ex)
            {
                result.Problem(paper.Id, ex.Message, ex.Permanent);
                continue;
            }

            if (file.Deleted || result.Files.Any(f => f.Stored.FileId == file.Id))
            {
                continue;
            }

            var fingerprint = Fingerprint(file);
            if (known.TryGetValue(file.Id, out var stored) && stored.Fingerprint == fingerprint)
            {
                result.Files.Add(new PaperFile(file, stored, main));
                continue;
            }

            var read = await ReadFileAsync(file, fingerprint, result, cancellationToken).ConfigureAwait(false);
            if (read is not null)
            {
                result.Files.Add(new PaperFile(file, read, main));
            }
        }

        return result;
    }

    /// <summary>The Beratungsfolge: per consultation the committee's name, the meeting's date and the role, in the paper's order.</summary>
    public async Task<IReadOnlyList<PaperConsultation>> ReadConsultationsAsync(OParlPaper paper, CancellationToken cancellationToken)
    {
        var consultations = new List<PaperConsultation>();
        foreach (var element in OParlJson.Items(paper.Consultation))
        {
            OParlConsultation consultation;
            try
            {
                consultation = await ResolveAsync<OParlConsultation>(element, cancellationToken).ConfigureAwait(false);
            }
            catch (OParlException)
            {
                continue; // The Beratungsfolge is metadata: a paper is imported without it rather than not at all.
            }

            if (consultation.Deleted)
            {
                continue;
            }

            var meeting = consultation.Meeting is { Length: > 0 } meetingUrl ? await LookupAsync(_meetings, meetingUrl, cancellationToken).ConfigureAwait(false) : null;
            var organizationUrl = OParlJson.FirstUrl(consultation.Organization) ?? OParlJson.FirstUrl(meeting?.Organization);
            var organization = organizationUrl is null ? null : await LookupAsync(_organizations, organizationUrl, cancellationToken).ConfigureAwait(false);
            var date = DateTimeOffset.TryParse(meeting?.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? DateOnly.FromDateTime(start.DateTime) : (DateOnly?)null;
            var name = organization?.Name ?? organization?.ShortName;
            if (name is not null || date is not null)
            {
                consultations.Add(new PaperConsultation(name?.Trim(), date, consultation.Role?.Trim(), consultation.Authoritative == true));
            }
        }

        return consultations;
    }

    internal static string Fingerprint(OParlFile file) =>
        string.Join('|', file.Modified, file.AccessUrl, file.DownloadUrl, file.Size?.ToString(CultureInfo.InvariantCulture), file.Sha1Checksum, file.Sha512Checksum, file.MimeType);

    private async Task<StoredFile?> ReadFileAsync(OParlFile file, string fingerprint, PaperFiles result, CancellationToken cancellationToken)
    {
        var urls = new[] { file.AccessUrl, file.DownloadUrl }.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        var name = FileName(file);
        if (urls.Count == 0)
        {
            return Fallback(file, fingerprint, result, $"{file.Id}: keine accessUrl", permanent: true);
        }

        var extension = ExtensionOf(file);
        if (extension is null)
        {
            // Nothing to download that could be read (an image, a spreadsheet): the server's own text, if any.
            return Fallback(file, fingerprint, result, $"{urls[0]}: Dateiformat „{file.MimeType ?? Path.GetExtension(name)}“ wird nicht unterstützt", permanent: true);
        }

        OParlException? failure = null;
        foreach (var url in urls)
        {
            DownloadedContent content;
            try
            {
                content = await client.DownloadAsync(url!, file.Size, cancellationToken).ConfigureAwait(false);
            }
            catch (OParlException ex)
            {
                failure = ex;
                continue;
            }

            result.Downloaded(content.Content.Length);
            try
            {
                using var stream = new MemoryStream(content.Content, writable: false);
                var text = await reader.ReadTextAsync(stream, Path.ChangeExtension(name, extension), cancellationToken).ConfigureAwait(false);
                return new StoredFile(file.Id, fingerprint, text, null);
            }
            catch (DocumentReadException ex)
            {
                return Fallback(file, fingerprint, result, $"{url}: {ex.Problem}", permanent: true);
            }
        }

        return Fallback(file, fingerprint, result, failure!.Message, failure.Permanent);
    }

    private static StoredFile? Fallback(OParlFile file, string fingerprint, PaperFiles result, string problem, bool permanent)
    {
        if (!string.IsNullOrWhiteSpace(file.Text))
        {
            return new StoredFile(file.Id, fingerprint, file.Text.ReplaceLineEndings("\n").Trim(), null);
        }

        result.Problem(file.Id, problem, permanent);

        // A permanent problem is remembered with the fingerprint, so an unchanged broken file is not fetched again.
        return permanent ? new StoredFile(file.Id, fingerprint, null, problem) : null;
    }

    private static string? ExtensionOf(OParlFile file)
    {
        var mime = file.MimeType?.Split(';')[0].Trim();
        if (mime is { Length: > 0 } && Extensions.TryGetValue(mime, out var byMime))
        {
            return byMime;
        }

        // No or a generic mimeType ("application/octet-stream"): the file name's extension, if one we read.
        var byName = Path.GetExtension(FileName(file)).ToLowerInvariant();
        return (mime is null or { Length: 0 } or "application/octet-stream") && DocumentTextReader.SupportedExtensions.Contains(byName) ? byName : null;
    }

    private static string FileName(OParlFile file)
    {
        var name = file.FileName ?? (Uri.TryCreate(file.AccessUrl ?? file.DownloadUrl, UriKind.Absolute, out var uri) ? Path.GetFileName(uri.AbsolutePath) : null);
        name = string.IsNullOrWhiteSpace(name) ? "datei" : Path.GetFileName(name.Replace('\\', '/'));
        return name.Length == 0 ? "datei" : name;
    }

    private async Task<T> ResolveAsync<T>(JsonElement element, CancellationToken cancellationToken)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return await client.GetObjectAsync<T>(element.GetString()!, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return element.Deserialize<T>(OParlJson.Options) ?? throw new OParlException("(eingebettet)", "leeres Objekt", permanent: true);
        }
        catch (JsonException ex)
        {
            throw new OParlException(OParlJson.FirstUrl(element) ?? "(eingebettet)", $"kein gültiges OParl-Objekt ({ex.Message})", permanent: true, ex);
        }
    }

    private async Task<T?> LookupAsync<T>(ConcurrentDictionary<string, Task<T?>> cache, string url, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await cache.GetOrAdd(url, u => LoadAsync<T>(u, cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            cache.TryRemove(url, out _);
            throw;
        }
    }

    private async Task<T?> LoadAsync<T>(string url, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await client.GetObjectAsync<T>(url, cancellationToken).ConfigureAwait(false);
        }
        catch (OParlException)
        {
            return null;
        }
    }
}

/// <summary>The files read for one paper, the problems met, and what was downloaded.</summary>
internal sealed class PaperFiles
{
    private int _downloads;
    private long _bytes;

    public List<PaperFile> Files { get; } = [];

    public List<IngestionIssue> Issues { get; } = [];

    /// <summary>A file could not be fetched for a reason that may pass (unreachable, 5xx, timeout): try the paper again next run.</summary>
    public bool TransientFailure { get; private set; }

    public int Downloads => _downloads;

    public long Bytes => _bytes;

    public void Downloaded(long bytes)
    {
        _downloads++;
        _bytes += bytes;
    }

    public void Problem(string source, string problem, bool permanent)
    {
        Issues.Add(new IngestionIssue(source, problem));
        TransientFailure |= !permanent;
    }
}

internal sealed record PaperFile(OParlFile File, StoredFile Stored, bool Main);

/// <summary>One step of the Beratungsfolge: committee, session date (meeting start), role ("Beantwortung", "Vorberatung").</summary>
internal sealed record PaperConsultation(string? Committee, DateOnly? SessionDate, string? Role, bool Authoritative);
