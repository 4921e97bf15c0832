using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Services;

/// <summary>Turns an uploaded file or pasted text into a parsed <see cref="Inquiry"/> for the preview before it is saved.</summary>
public sealed class InquiryImporter(DocumentTextReader reader, InquiryParser parser, IOptions<WebOptions> options)
{
    public static readonly string[] AcceptedExtensions = [".txt", ".md", ".docx", ".pdf", ".html", ".htm"];

    public async Task<Inquiry> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!AcceptedExtensions.Contains(extension))
        {
            throw new DocumentReadException(fileName, $"Dateityp {extension} wird nicht unterstützt (erlaubt: {string.Join(", ", AcceptedExtensions)}).");
        }

        // Buffer with a hard limit: readers (PDF, DOCX) need a seekable stream, and the limit holds for any caller.
        using var buffer = new MemoryStream();
        var limit = options.Value.MaxUploadBytes;
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new DocumentReadException(fileName, $"Datei ist größer als {limit / (1024 * 1024)} MB.");
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        var text = await reader.ReadTextAsync(buffer, fileName, cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    /// <summary>Parses pasted text; never throws. An inquiry without questions is shown as such in the preview.</summary>
    public Inquiry Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return parser.ParseLenient(text);
    }
}
