using Anfragen.Assistant.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Anfragen.Assistant.Review;

/// <summary>Writes the approved Stellungnahme as a Word document: title, Betreff, then "Zu Frage n:" and the answer per question.</summary>
public static class StellungnahmeDocxWriter
{
    public static byte[] Write(InquiryRecord record, IReadOnlyList<AnswerRecord> answers)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(answers);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(StellungnahmeComposer.Title(record), bold: true, size: 32));
            if (!string.IsNullOrWhiteSpace(record.Inquiry.Id))
            {
                body.Append(Paragraph($"Drucksache: {record.Inquiry.Id}-01"));
            }

            body.Append(Paragraph($"Betreff: {record.Title}", bold: true));
            if (record.Inquiry.Committee is { } committee)
            {
                body.Append(Paragraph($"Gremium: {committee}"));
            }

            if (record.Visibility == Visibility.NonPublic)
            {
                body.Append(Paragraph("nichtöffentlich", bold: true));
            }

            foreach (var answer in answers.OrderBy(a => a.Number))
            {
                body.Append(Paragraph($"Zu Frage {answer.Number}:", bold: true, size: 26));
                body.Append(Paragraph(answer.Question, italic: true));
                foreach (var line in answer.Text.Trim().Split('\n'))
                {
                    body.Append(Paragraph(line.TrimEnd('\r')));
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (size is { } halfPoints)
        {
            properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var run = new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(run);
    }
}
