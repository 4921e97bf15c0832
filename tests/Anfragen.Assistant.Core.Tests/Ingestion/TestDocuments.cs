using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Anfragen.Assistant.Ingestion;

/// <summary>Builds real .docx and .pdf files for the tests with the same libraries the product reads them with.</summary>
public static class TestDocuments
{
    /// <summary>
    /// A line of a Word document: plain, or an automatic list item at <paramref name="Level"/> (0 = "1.", 1 = "a)").
    /// <paramref name="Restart"/> starts a new list instance at 1, as Word does for "Neu beginnen mit 1".
    /// </summary>
    public sealed record DocxLine(string Text, int? Level = null, bool Restart = false);

    public static void WriteDocx(string path, IEnumerable<DocxLine> lines)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2)" }) { LevelIndex = 1 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        var body = new Body();
        var numId = 1;
        foreach (var line in lines)
        {
            var paragraph = new Paragraph();
            if (line.Restart)
            {
                numId++;
                numbering.Numbering.Append(new NumberingInstance(
                    new AbstractNumId { Val = 1 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
                { NumberID = numId });
            }

            if (line.Level is { } level)
            {
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })));
            }

            var parts = line.Text.Split('\t');
            var run = new Run();
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            paragraph.Append(run);
            body.Append(paragraph);
        }

        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>A one-column PDF with one text line per entry; "\f" starts a new page.</summary>
    public static byte[] BuildPdf(IEnumerable<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PdfPageSize.A4);
        var y = 800.0;
        foreach (var line in lines)
        {
            // A form feed starts the next page, so tests can put furniture and letterheads after a page break.
            if (line == "\f")
            {
                page = builder.AddPage(PdfPageSize.A4);
                y = 800;
                continue;
            }

            if (line.Length > 0)
            {
                page.AddText(line, 10, new PdfPoint(40, y), font);
            }

            y -= 14;
            if (y < 40)
            {
                page = builder.AddPage(PdfPageSize.A4);
                y = 800;
            }
        }

        return builder.Build();
    }
}
