using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// TEMPORARY stand-in on branch kb for the parser branch's DocumentTextReader (issue 3), same public API.
/// Reads .txt/.md/.html only; the parser branch's version replaces this file on merge.
/// </summary>
public sealed partial class DocumentTextReader
{
    public async Task<string> ReadTextAsync(string path, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        return await ReadTextAsync(stream, path, ct).ConfigureAwait(false);
    }

    public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".txt" or ".md" or ".html" or ".htm"))
        {
            throw new DocumentReadException(fileName, $"Dateityp {extension} wird nicht unterstützt");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(fileName, "Datei ist leer");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new DocumentReadException(fileName, "Datei ist keine Textdatei (Binärdaten)");
        }

        var text = new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
        if (extension is ".html" or ".htm")
        {
            text = System.Net.WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(text, " "), "\n"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentReadException(fileName, "Datei enthält keinen Text");
        }

        return text;
    }

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
