using System.Text;
using Anfragen.Assistant.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Extracts PDF text page by page in content order, keeping line breaks (so "1. …" questions stay one per
/// line) and marking likely paragraph breaks with an empty line. Bounded by <see cref="IngestionLimits"/>: the page
/// count before any page is read, every decoded stream while PdfPig decodes it (<see cref="BudgetedFilterProvider"/>),
/// the characters of each page and of the whole text. PdfPig's own (English) errors never reach the user.
/// </summary>
internal static class PdfTextExtractor
{
    private const string Unreadable = "ist keine lesbare PDF-Datei";

    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public static string Extract(byte[] content, string source, IngestionLimits limits, CancellationToken cancellationToken)
    {
        var budget = new DecompressionBudget(source, limits);
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions { FilterProvider = new BudgetedFilterProvider(budget) });
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DocumentReadException and not OutOfMemoryException)
        {
            throw Translate(source, ex, "beschädigt oder unvollständig");
        }

        using (document)
        {
            var text = new StringBuilder();
            try
            {
                if (document.NumberOfPages > limits.MaxPdfPages)
                {
                    throw LimitExceeded.Pages(source, document.NumberOfPages, limits.MaxPdfPages);
                }

                for (var number = 1; number <= document.NumberOfPages; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var page = document.GetPage(number);
                    if (page.Letters.Count > limits.MaxPdfPageChars)
                    {
                        throw LimitExceeded.PageText(source, number, limits.MaxPdfPageChars);
                    }

                    var pageText = ContentOrderTextExtractor.GetText(page, ExtractorOptions).AsSpan().Trim("\n\r");
                    if (text.Length + pageText.Length + 2 > limits.MaxTextChars)
                    {
                        throw LimitExceeded.Text(source, limits.MaxTextChars);
                    }

                    if (text.Length > 0)
                    {
                        text.Append("\n\n");
                    }

                    text.Append(pageText);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DocumentReadException and not OutOfMemoryException)
            {
                throw Translate(source, ex, "beschädigter Inhalt");
            }

            return text.ToString();
        }
    }

    private static DocumentReadException Translate(string source, Exception ex, string damaged) =>
        ex is PdfDocumentEncryptedException
            ? new DocumentReadException(source, $"{Unreadable}: sie ist verschlüsselt oder kennwortgeschützt; bitte ohne Kennwortschutz speichern", ex)
            : new DocumentReadException(source, $"{Unreadable} ({damaged})", ex);
}
