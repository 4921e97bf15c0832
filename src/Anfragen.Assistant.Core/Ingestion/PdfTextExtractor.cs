using System.Text;
using Anfragen.Assistant.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Extracts PDF text page by page in content order, keeping line breaks (so "1. …" questions stay one per
/// line) and marking likely paragraph breaks with an empty line.
/// </summary>
internal static class PdfTextExtractor
{
    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public static string Extract(byte[] content, string source, CancellationToken cancellationToken)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DocumentReadException(source, $"ist keine lesbare PDF-Datei (beschädigt oder verschlüsselt: {ex.Message})", ex);
        }

        using (document)
        {
            var text = new StringBuilder();
            try
            {
                foreach (var page in document.GetPages())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var pageText = ContentOrderTextExtractor.GetText(page, ExtractorOptions);
                    if (text.Length > 0)
                    {
                        text.Append("\n\n");
                    }

                    text.Append(pageText.Trim('\n', '\r'));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DocumentReadException)
            {
                throw new DocumentReadException(source, $"ist keine lesbare PDF-Datei (beschädigter Inhalt: {ex.Message})", ex);
            }

            return text.ToString();
        }
    }
}
