using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// Writes the letter as a Word document with real paragraph styles — Title, Heading1 (the Betreff), Heading2
/// ("Zu Frage n:"), Normal (the answers) and two of our own, "Bezugszeichen" (the heading block) and "Fragetext" (the
/// question) — so the city's template or a clerk restyles it in one place; core properties (title, subject, the
/// Drucksache as keywords) and custom properties (Drucksache, Anfrage, Gremium, Sitzung) let document management file it.
/// With a template (.dotx) its letterhead, page layout and styles are kept: styles it defines win, missing ones are added.
/// </summary>
public static class StellungnahmeDocxWriter
{
    /// <summary>A paragraph of the template with exactly this text is replaced by the letter.</summary>
    public const string Placeholder = "{{Stellungnahme}}";

    public static byte[] Write(StellungnahmeLetter letter, string title, byte[]? template = null)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        if (template is null)
        {
            using var created = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
            var main = created.AddMainDocumentPart();
            main.Document = new Document(new Body(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1417, Bottom = 1134, Left = 1417, Right = 1417, Header = 708, Footer = 708, Gutter = 0 })));
            Fill(created, letter, title);
        }
        else
        {
            stream.Write(template);
            using var opened = WordprocessingDocument.Open(stream, true);
            if (opened.DocumentType == WordprocessingDocumentType.Template)
            {
                opened.ChangeDocumentType(WordprocessingDocumentType.Document);
            }

            Fill(opened, letter, title);
        }

        return stream.ToArray();
    }

    private static void Fill(WordprocessingDocument document, StellungnahmeLetter letter, string title)
    {
        var main = document.MainDocumentPart ?? throw new InvalidDataException("Die Word-Vorlage hat keinen Hauptteil.");
        var styles = main.StyleDefinitionsPart ?? main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles ??= new Styles();
        DocxStyles.AddMissing(styles.Styles);
        styles.Styles.Save();

        var body = main.Document?.Body ?? throw new InvalidDataException("Die Word-Vorlage hat keinen Dokumentkörper.");
        var content = Paragraphs(letter).ToList();
        var placeholder = body.Elements<Paragraph>().FirstOrDefault(p => p.InnerText.Trim() == Placeholder);
        OpenXmlElement? anchor = placeholder ?? (OpenXmlElement?)body.Elements<SectionProperties>().LastOrDefault();
        foreach (var paragraph in content)
        {
            if (anchor is null)
            {
                body.Append(paragraph);
            }
            else
            {
                anchor.InsertBeforeSelf(paragraph);
            }
        }

        placeholder?.Remove();
        main.Document!.Save();
        SetProperties(document, letter, title);
    }

    private static IEnumerable<Paragraph> Paragraphs(StellungnahmeLetter letter)
    {
        yield return Paragraph(DocxStyles.Title, StellungnahmeLetter.Heading);
        yield return Paragraph(DocxStyles.Heading1, letter.Subject);
        foreach (var (label, value) in letter.HeadingLines())
        {
            yield return new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Reference }),
                Run(label + ": ", bold: true),
                Run(value));
        }

        yield return Paragraph(DocxStyles.Normal, letter.Opening);
        foreach (var section in letter.Sections)
        {
            yield return Paragraph(DocxStyles.Heading2, section.Heading);
            yield return Paragraph(DocxStyles.Question, section.Question);
            foreach (var text in section.Paragraphs)
            {
                yield return Paragraph(DocxStyles.Normal, text);
            }
        }
    }

    /// <summary>A paragraph of one style; line breaks inside the text stay line breaks.</summary>
    private static Paragraph Paragraph(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Run Run(string text, bool bold = false) =>
        new(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static void SetProperties(WordprocessingDocument document, StellungnahmeLetter letter, string title)
    {
        var properties = document.PackageProperties;
        properties.Title = title;
        properties.Subject = letter.Subject;
        properties.Keywords = string.Join("; ", new[] { letter.Drucksache, letter.InquiryDrucksache is null ? null : $"Anfrage {letter.InquiryDrucksache}", "Stellungnahme" }.Where(k => k is not null));
        properties.Category = "Stellungnahme";
        properties.Description = string.Join(", ", new[] { letter.Committee, letter.SessionDate is { } s ? $"Sitzung am {StellungnahmeLetter.Format(s)}" : null }.Where(k => k is not null));
        properties.Language = "de-DE";
        properties.Created ??= letter.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        properties.Modified = letter.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var custom = document.CustomFilePropertiesPart ?? document.AddCustomFilePropertiesPart();
        custom.Properties ??= new Properties();
        var values = new (string Name, string? Value)[]
        {
            ("Drucksache", letter.Drucksache),
            ("Anfrage", letter.InquiryDrucksache),
            ("Gremium", letter.Committee),
            ("Sitzung", letter.SessionDate is { } session ? StellungnahmeLetter.Format(session) : null),
        };
        foreach (var (name, value) in values.Where(v => v.Value is not null))
        {
            foreach (var old in custom.Properties.Elements<CustomDocumentProperty>().Where(p => p.Name?.Value == name).ToList())
            {
                old.Remove();
            }

            custom.Properties.Append(new CustomDocumentProperty(new VTLPWSTR(value!))
            {
                FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                Name = name,
            });
        }

        // Property ids start at 2 and are unique within the part.
        var pid = 2;
        foreach (var property in custom.Properties.Elements<CustomDocumentProperty>())
        {
            property.PropertyId = pid++;
        }

        custom.Properties.Save();
    }
}
