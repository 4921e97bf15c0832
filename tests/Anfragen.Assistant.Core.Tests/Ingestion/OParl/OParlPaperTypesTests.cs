using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion.OParl;

public sealed class OParlPaperTypesTests
{
    [Theory]
    [InlineData("Anfrage", DocumentType.Anfrage)]
    [InlineData("ANFRAGEN", DocumentType.Anfrage)]
    [InlineData("Kleine Anfrage gem. § 14 GO", DocumentType.Anfrage)]
    [InlineData("Einwohneranfrage", DocumentType.Anfrage)]
    [InlineData("Stellungnahme der Verwaltung", DocumentType.Stellungnahme)]
    [InlineData("Stellungnahmen", DocumentType.Stellungnahme)]
    [InlineData("Antwort der Verwaltung auf eine Anfrage", DocumentType.Stellungnahme)]
    [InlineData("Beantwortung einer Anfrage", DocumentType.Stellungnahme)]
    [InlineData("Mitteilung der Verwaltung", DocumentType.Mitteilung)]
    [InlineData("Mitteilungsvorlage", DocumentType.Mitteilung)]
    [InlineData("Informationsvorlage", DocumentType.Mitteilung)]
    [InlineData("Beschlussvorlage", DocumentType.Vorlage)]
    [InlineData("beschlußvorlage", DocumentType.Vorlage)]
    [InlineData("Beschlussvorlage zum Antrag der SPD", DocumentType.Vorlage)]
    [InlineData("Antrag", DocumentType.Antrag)]
    [InlineData("Anträge", DocumentType.Antrag)]
    [InlineData("Dringlichkeitsantrag", DocumentType.Antrag)]
    [InlineData("Änderungsantrag zur Vorlage", DocumentType.Antrag)]
    public void The_paper_type_names_the_document_type_in_any_case_and_form(string paperType, DocumentType expected) =>
        Assert.Equal(expected, OParlPaperTypes.FromPaperType(paperType));

    [Theory]
    [InlineData("Niederschrift")]
    [InlineData("Bekanntmachung")]
    [InlineData("")]
    public void A_paper_type_that_names_none_of_ours_is_Other_unless_the_text_says_more(string paperType)
    {
        Assert.Null(OParlPaperTypes.FromPaperType(paperType));
        Assert.Equal(DocumentType.Other, OParlPaperTypes.Classify(paperType, "Sitzung vom 3. März", "Die Sitzung wurde um 17 Uhr eröffnet."));
    }

    [Fact]
    public void A_Mitteilung_that_answers_an_Anfrage_is_its_Stellungnahme()
    {
        Assert.Equal(DocumentType.Stellungnahme, OParlPaperTypes.Classify("Mitteilung der Verwaltung", "Radwege", "Zu Frage 1:\nDie Radwege werden 2026 saniert.\n\nZu Frage 2:\nDie Kosten trägt die Stadt."));
        Assert.Equal(DocumentType.Stellungnahme, OParlPaperTypes.Classify("Mitteilung", "Mitteilung zur Anfrage der CDU-Fraktion", "Die Verwaltung teilt mit, dass die Radwege 2026 saniert werden."));
        Assert.Equal(DocumentType.Mitteilung, OParlPaperTypes.Classify("Mitteilung", "Hitzeschutz", "Die Verwaltung teilt mit, dass ein Hitzeaktionsplan erarbeitet wird."));
    }
}
