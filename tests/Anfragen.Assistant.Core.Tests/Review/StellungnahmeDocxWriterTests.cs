using Anfragen.Assistant.Review.Export;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Anfragen.Assistant.Review;

public sealed class StellungnahmeDocxWriterTests
{
    private static StellungnahmeLetter Letter() =>
        StellungnahmeComposer.Compose(Letters.Record(), Letters.Answers(), new DateOnly(2026, 4, 22), CitationStyle.Reference);

    [Fact]
    public void The_docx_uses_real_paragraph_styles_and_carries_title_subject_and_Drucksache()
    {
        var bytes = StellungnahmeDocxWriter.Write(Letter(), "Stellungnahme zu Beleuchtung und Winterdienst am Ringgleis");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value!);
        Assert.Equal("Title", styles["Title"]);
        Assert.Equal("heading 1", styles["Heading1"]);
        Assert.Equal("heading 2", styles["Heading2"]);
        Assert.Equal("Normal", styles["Normal"]);
        Assert.Equal("Fragetext", styles["Fragetext"]);
        Assert.Equal("Bezugszeichen", styles["Bezugszeichen"]);

        var paragraphs = document.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
        Assert.Equal(("Title", "Stellungnahme der Verwaltung"), paragraphs[0]);
        Assert.Equal(("Heading1", "Beleuchtung und Winterdienst am Ringgleis"), paragraphs[1]);
        Assert.Contains(("Bezugszeichen", "Gremium: Mobilitätsausschuss"), paragraphs);
        Assert.Contains(("Bezugszeichen", "Drucksache: 26-14005-01"), paragraphs);
        var heading = paragraphs.IndexOf(("Heading2", "Zu Frage 1:"));
        Assert.Equal(("Fragetext", "Wann wird die Beleuchtung des Ringgleises ergänzt?"), paragraphs[heading + 1]);
        Assert.Equal(("Normal", "Die Beleuchtung wird 2026 mit LED-Leuchten ergänzt (vgl. Ds. 24-11001-01)."), paragraphs[heading + 2]);
        Assert.Single(paragraphs, p => p.Text.Contains("Zu Frage 1:", StringComparison.Ordinal));
        Assert.All(paragraphs, p => Assert.NotNull(p.Style));

        var properties = document.PackageProperties;
        Assert.Equal("Stellungnahme zu Beleuchtung und Winterdienst am Ringgleis", properties.Title);
        Assert.Equal("Beleuchtung und Winterdienst am Ringgleis", properties.Subject);
        Assert.Contains("26-14005-01", properties.Keywords, StringComparison.Ordinal);
        var custom = document.CustomFilePropertiesPart!.Properties!.Elements<CustomDocumentProperty>().ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal("26-14005-01", custom["Drucksache"]);
        Assert.Equal("26-14005", custom["Anfrage"]);
        Assert.Equal("Mobilitätsausschuss", custom["Gremium"]);

        // The package is valid Word: the SDK's validator finds nothing.
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_city_template_keeps_its_letterhead_and_styles_and_the_letter_replaces_its_placeholder()
    {
        var template = Template();

        var bytes = StellungnahmeDocxWriter.Write(Letter(), "Stellungnahme", template);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal(WordprocessingDocumentType.Document, document.DocumentType);
        var main = document.MainDocumentPart!;
        Assert.Contains("Stadt Lindenau · Der Oberbürgermeister", main.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        var texts = main.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.DoesNotContain(StellungnahmeDocxWriter.Placeholder, texts);
        Assert.Equal("Fachbereich 10 · Rathausplatz 1", texts[0]);
        Assert.Equal("Stellungnahme der Verwaltung", texts[1]);
        Assert.Equal("Mit freundlichen Grüßen", texts[^1]);

        // The template's own Heading1 (its font) wins; the styles it lacks are added.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        var heading1 = Assert.Single(styles, s => s.StyleId == "Heading1");
        Assert.Equal("Verdana", heading1.StyleRunProperties!.RunFonts!.Ascii!.Value);
        Assert.Contains(styles, s => s.StyleId == "Fragetext");
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_missing_or_broken_template_is_refused_at_start_naming_the_key()
    {
        using var directory = new TempDirectory();
        var broken = directory.File("vorlage.dotx");
        File.WriteAllText(broken, "kein Word");
        var validator = new ExportOptionsValidator();

        var missing = validator.Validate(null, new ExportOptions { Template = directory.File("fehlt.dotx") });
        var unreadable = validator.Validate(null, new ExportOptions { Template = broken });
        File.WriteAllBytes(broken, Template());
        var fine = validator.Validate(null, new ExportOptions { Template = broken });

        Assert.Contains("Anfragen:Export:Template", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("fehlt.dotx", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("keine lesbare Word-Vorlage", unreadable.FailureMessage, StringComparison.Ordinal);
        Assert.True(fine.Succeeded);
    }

    /// <summary>A .dotx as a city would keep it: letterhead in the header, a sender line, the placeholder, the closing, its own Heading1.</summary>
    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        using (var template = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Template))
        {
            var main = template.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text("Stadt Lindenau · Der Oberbürgermeister"))));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new Style(
                new StyleName { Val = "heading 1" },
                new StyleRunProperties(new RunFonts { Ascii = "Verdana", HighAnsi = "Verdana" }, new Bold()))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Fachbereich 10 · Rathausplatz 1"))),
                new Paragraph(new Run(new Text(StellungnahmeDocxWriter.Placeholder))),
                new Paragraph(new Run(new Text("Mit freundlichen Grüßen"))),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) })));
        }

        return stream.ToArray();
    }
}
