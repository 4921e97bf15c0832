using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Inquiries;

/// <summary>Header facts in the layouts of other councils and letters; every fixture is our own text.</summary>
public sealed class InquiryMetadataLayoutTests
{
    private static InquiryParser CreateParser() =>
        new(new DocumentTextReader(Options.Create(new AssistantOptions())));

    [Fact]
    public void Reads_the_subject_from_the_same_line_and_an_anfrage_heading()
    {
        const string Text = """
            SPD-Fraktion im Rat der Stadt Musterstadt
            An den Oberbürgermeister
            Herrn Max Muster
            Rathaus

            Musterstadt, 15. April 2026

            Anfrage der SPD-Fraktion zur Sitzung des Bauausschusses am 30.04.2026

            Betreff: Radverkehr in der Innenstadt

            Sehr geehrter Herr Oberbürgermeister,

            der Radverkehr hat zugenommen.

            Wir fragen daher die Verwaltung:
            1. Wie viele Radbügel gibt es?

            Mit freundlichen Grüßen
            """;

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal("Radverkehr in der Innenstadt", inquiry.Subject);
        Assert.Equal(new DateOnly(2026, 4, 15), inquiry.Date);
        Assert.Equal("An den Oberbürgermeister", inquiry.Recipient);
        Assert.Equal(["Wie viele Radbügel gibt es?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void Reads_the_subject_from_an_anfrage_heading_without_betreff()
    {
        const string Text = "Anfrage der Fraktion Bündnis 90/Die Grünen zu Schulwegen im Stadtbezirk Ost\n\nDie Schulwege sind unsicher.\n\nWir fragen:\n1. Wo fehlen Querungshilfen?";

        Assert.Equal("Schulwegen im Stadtbezirk Ost", CreateParser().ParseLenient(Text).Subject);
    }

    [Fact]
    public void Reads_the_date_of_an_anfrage_heading_when_no_date_line_is_given()
    {
        const string Text = "Betreff: Sanierung der Sporthalle Nord\nAnfrage der CDU-Fraktion vom 10.03.2026\n\nDie Halle ist gesperrt.\n\nFrage 1)\nWann beginnt die Sanierung?";

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal(new DateOnly(2026, 3, 10), inquiry.Date);
        Assert.Equal(["Wann beginnt die Sanierung?"], inquiry.Questions.Select(q => q.Text));
    }

    [Theory]
    [InlineData("15. April 2026")]
    [InlineData("15.04.26")]
    [InlineData("2026-04-15")]
    [InlineData("15.4.2026")]
    public void Reads_the_date_label_in_each_format(string written)
    {
        var text = $"Datum: {written}\nBetreff: Radwege\n\nWir fragen:\n1. Wie viele Radwege gibt es?";

        Assert.Equal(new DateOnly(2026, 4, 15), CreateParser().ParseLenient(text).Date);
    }

    [Fact]
    public void The_committee_marked_zur_Beantwortung_wins_over_the_first_row()
    {
        const string Text = """
            Betreff: Radwege
            Beratungsfolge:	Sitzungstermin	Status
            Stadtbezirksrat Ost (zur Kenntnis)	20.04.2026	Ö
            Planungs- und Umweltausschuss (zur Beantwortung)	05.05.2026	N
            Rat der Stadt (zur Kenntnis)	12.05.2026	Ö

            Sachverhalt:
            Wir fragen:
            1. Wie viele Radwege gibt es?
            """;

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal("Planungs- und Umweltausschuss", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 5, 5), inquiry.SessionDate);
        Assert.Equal(Visibility.NonPublic, inquiry.Visibility);
    }

    [Fact]
    public void Without_zur_Beantwortung_the_first_committee_is_taken()
    {
        const string Text = "Beratungsfolge:\tSitzungstermin\tStatus\nStadtbezirksrat Ost\t20.04.2026\tÖ\nRat der Stadt\t12.05.2026\tN\n\nSachverhalt:\nWir fragen:\n1. Wie viele Radwege gibt es?";

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal("Stadtbezirksrat Ost", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 4, 20), inquiry.SessionDate);
        Assert.Equal(Visibility.Public, inquiry.Visibility);
    }

    [Theory]
    [InlineData("Status: nichtöffentlich", Visibility.NonPublic)]
    [InlineData("Status: öffentlich", Visibility.Public)]
    [InlineData("Status: nicht öffentlich", Visibility.NonPublic)]
    public void Reads_the_status_label(string line, Visibility expected)
    {
        var text = $"Betreff: Radwege\n{line}\n\nWir fragen:\n1. Wie viele Radwege gibt es?";

        Assert.Equal(expected, CreateParser().ParseLenient(text).Visibility);
    }

    [Theory]
    [InlineData("Stadt Musterstadt\nDer Oberbürgermeister\nRathausplatz 1\n12345 Musterstadt", "Stadt Musterstadt, Der Oberbürgermeister")]
    [InlineData("An die Oberbürgermeisterin\nder Stadt Musterstadt", "An die Oberbürgermeisterin der Stadt Musterstadt")]
    [InlineData("An den Oberbürgermeister", "An den Oberbürgermeister")]
    public void Reads_the_recipient_of_a_letter_without_label(string address, string expected)
    {
        var text = $"{address}\n\nBetreff: Radwege\n\nSehr geehrte Damen und Herren,\nwir fragen:\n1. Wie viele Radwege gibt es?";

        Assert.Equal(expected, CreateParser().ParseLenient(text).Recipient);
    }

    [Fact]
    public void Numbers_that_are_not_papers_are_not_references()
    {
        const string Text = """
            Betreff: Radwege
            Musterstadt, 15.04.2026, Tel. 0531 470-12345, 38100 Musterstadt
            Nach § 56 NKomVG und Art. 12/3 der Satzung stehen 12.500,00 € bereit (Haushalt 2025/26, Jahr 2024/2025).
            Bezug: Ds. 25-26577, Drucksache 1656/12 und Vorlage 24-24284-01.
            Wir fragen:
            1. Wie viele Radwege gibt es?
            """;

        Assert.Equal(["25-26577", "1656/12", "24-24284-01"], CreateParser().ParseLenient(Text).References);
    }

    [Fact]
    public void A_date_alone_in_the_letterhead_is_the_date()
    {
        const string Text = "Fraktion Die Linke im Rat\nHerrn Oberbürgermeister\nMax Muster\n\n15. April 2026\n\nBetreff: Radwege\n\nWir fragen:\n1. Wie viele Radwege gibt es?";

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal(new DateOnly(2026, 4, 15), inquiry.Date);
        Assert.Equal("Herrn Oberbürgermeister", inquiry.Recipient);
    }

    [Theory]
    [InlineData("Betr.: Radwege in der Innenstadt")]
    [InlineData("Betreff: Radwege in der Innenstadt")]
    [InlineData("Thema: Radwege in der Innenstadt")]
    public void Reads_abbreviated_subject_labels(string line)
    {
        var text = $"{line}\n\nWir fragen:\n1. Wie viele Radwege gibt es?";

        Assert.Equal("Radwege in der Innenstadt", CreateParser().ParseLenient(text).Subject);
    }

    [Fact]
    public void Reads_a_full_council_page_with_two_committees_and_a_signature()
    {
        const string Page = """
            Rat und Stadtbezirksräte
            Anfrage (nichtöffentlich) - 26-04321
            Grunddaten
            - Betreff:
            -
            Zustand der Spielplätze im Westen
            - Status:
            - nichtöffentlich (Vorlage freigegeben)
            Beratungsfolge
            | Status | Datum | Gremium | Beschluss | NA |
            |---|---|---|---|---|
            |
            ●
            Erledigt
            |
            |
            Stadtbezirksrat im Stadtbezirk 310 Westliches Ringgebiet
            |
            Vorberatung
            |
            |
            |
            |
            03.03.2026
            |
            |
            ●
            Geplant
            |
            |
            Jugendhilfeausschuss
            |
            zur Beantwortung
            |
            |
            |
            |
            19.03.2026
            |
            Sachverhalt
            Sachverhalt:
            Auf mehreren Spielplätzen sind Geräte gesperrt.
            Wir bitten um Beantwortung folgender Fragen:
            • Welche Geräte sind gesperrt?
            • Bis wann werden sie
            ersetzt?
            Gez.
            Erika Beispiel
            Anlage/n:
            keine
            |
            """;

        var inquiry = CreateParser().ParseLenient(Page);

        Assert.Equal("26-04321", inquiry.Id);
        Assert.Equal("Zustand der Spielplätze im Westen", inquiry.Subject);
        Assert.Equal("Jugendhilfeausschuss", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 3, 19), inquiry.SessionDate);
        Assert.Equal(Visibility.NonPublic, inquiry.Visibility);
        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], inquiry.Questions.Select(q => q.Text));
        Assert.Equal("Auf mehreren Spielplätzen sind Geräte gesperrt.", inquiry.Background);
    }

    [Fact]
    public void A_committee_name_wrapped_in_a_pdf_table_cell_is_joined()
    {
        const string Text = "Beratungsfolge: Sitzungstermin Status\nAusschuss für Finanzen, Personal und\nDigitalisierung (zur Beantwortung) 30.04.2026 Ö\n\nSachverhalt:\nWir fragen:\n1. Wie viele Stellen sind offen?";

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal("Ausschuss für Finanzen, Personal und Digitalisierung", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 4, 30), inquiry.SessionDate);
        Assert.Equal(Visibility.Public, inquiry.Visibility);
    }
}
