using System.Globalization;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion;

/// <summary>The text read from a file, and what was not clean about it (invalid bytes replaced, mixed encodings).</summary>
public sealed record ExtractedText(string Text, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads the plain text of .txt, .md, .html/.htm, .pdf and .docx files. Every problem a user can cause (missing,
/// empty, binary, corrupt, too large, unsupported) becomes a <see cref="DocumentReadException"/> naming the file.
/// The raw file is bounded by <see cref="AssistantOptions.MaxFileBytes"/> while it is read; what it unpacks to and the
/// text extracted from it by <see cref="IngestionLimits"/> while they are produced.
/// </summary>
public sealed class DocumentTextReader(IOptions<AssistantOptions> options)
{
    /// <summary>The file extensions this reader understands, lower case with the dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"];

    public async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken = default) =>
        (await ReadAsync(path, cancellationToken).ConfigureAwait(false)).Text;

    /// <param name="content">The file content; read to the end, not disposed.</param>
    /// <param name="fileName">Name or path of the file: its extension selects the format, and it is named in errors.</param>
    /// <param name="cancellationToken">Stops reading and extraction.</param>
    public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        (await ReadAsync(content, fileName, cancellationToken).ConfigureAwait(false)).Text;

    /// <summary>Reads a file with the warnings about its content (for the ingestion report).</summary>
    public async Task<ExtractedText> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureSupported(path);
        var file = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new DocumentReadException(path, "ist ein Verzeichnis, keine Datei");
        }

        if (!file.Exists)
        {
            throw new DocumentReadException(path, "Datei nicht gefunden");
        }

        EnsureSize(path, file.Length);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"kann nicht gelesen werden ({ex.Message})", ex);
        }
    }

    /// <summary>Reads a stream (an upload) with the warnings about its content; see <see cref="ReadTextAsync(Stream, string, CancellationToken)"/>.</summary>
    public async Task<ExtractedText> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var extension = EnsureSupported(fileName);
        var bytes = await ReadAllBytesAsync(content, fileName, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(fileName, "ist leer");
        }

        var limits = options.Value.Ingestion;
        string? warning = null;
        var text = extension switch
        {
            ".pdf" => PdfTextExtractor.Extract(bytes, fileName, limits, cancellationToken),
            ".docx" => DocxTextExtractor.Extract(bytes, fileName, limits, cancellationToken),

            // HTML is mostly markup: its source may be longer than the text cap, which applies to what is extracted.
            ".html" or ".htm" => HtmlTextExtractor.ToPlainText(Decode(bytes, fileName, int.MaxValue, ref warning), fileName, limits),
            ".md" or ".markdown" => MarkdownText.ToPlainText(Decode(bytes, fileName, limits.MaxTextChars, ref warning)),
            _ => Decode(bytes, fileName, limits.MaxTextChars, ref warning),
        };

        text = text.ReplaceLineEndings("\n").Replace('\u00A0', ' ').TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentReadException(fileName, extension == ".pdf" ? "ist leer (die PDF-Datei enthält keinen Text; gescannte Seiten ohne Texterkennung werden nicht unterstützt)" : "ist leer");
        }

        return new ExtractedText(text, warning is null ? [] : [warning]);
    }

    private static string Decode(byte[] bytes, string fileName, int maxChars, ref string? warning)
    {
        var decoded = TextDecoding.Decode(bytes, fileName, maxChars);
        warning = decoded.Warning;
        return decoded.Text;
    }

    private static string EnsureSupported(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!SupportedExtensions.Contains(extension))
        {
            var shown = extension.Length == 0 ? "ohne Endung" : $"„{extension}“";
            throw new DocumentReadException(fileName, $"Dateiformat {shown} wird nicht unterstützt (unterstützt: {string.Join(", ", SupportedExtensions)})");
        }

        return extension;
    }

    private void EnsureSize(string fileName, long length)
    {
        var limit = options.Value.MaxFileBytes;
        if (length > limit)
        {
            throw new DocumentReadException(fileName, $"ist zu groß ({FormatBytes(length)}; erlaubt sind höchstens {FormatBytes(limit)}, Einstellung Anfragen:MaxFileBytes)");
        }
    }

    private async Task<byte[]> ReadAllBytesAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        if (content.CanSeek)
        {
            EnsureSize(fileName, content.Length - content.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);

            // Streams that cannot tell their length (uploads) are checked while reading.
            if (buffer.Length > limit)
            {
                EnsureSize(fileName, buffer.Length);
            }
        }

        return buffer.ToArray();
    }

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("de-DE")) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.GetCultureInfo("de-DE")) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " Bytes",
    };
}
