using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Inquiries;

public sealed class InquiryParserTests
{
    // Our own fixtures in the letter form of the seeds and the council page layouts; no real text is copied.
    private const string LetterForm = """
        Betreff:
        **Wie geht es mit der Sanierung des Hallenbads Nord weiter?**

        Empfänger:
        Stadt Musterstadt
        Die Oberbürgermeisterin

        Datum:
        02.02.2026

        Beratungsfolge:	Sitzungstermin	Status
        Sportausschuss (zur Beantwortung)	19.02.2026	N

        ### Sachverhalt:

        Das Hallenbad Nord ist seit dem Sommer geschlossen (vgl. Ds. 24-23456 und Drucksache 25-24001-01).
        Die Vereine weichen auf andere Bäder aus.

        Daher fragen wir:

        1. Wann beginnt die Sanierung?
        2. Welche Kosten sind
        veranschlagt?
        3. Wie werden die Vereine bis dahin unterstützt?

        Anlage/n:
        keine
        """;

    private static InquiryParser CreateParser() =>
        new(new DocumentTextReader(Options.Create(new AssistantOptions())));

    [Fact]
    public void Reads_metadata_of_the_letter_form()
    {
        var inquiry = CreateParser().Parse(LetterForm, "brief.txt");

        Assert.Equal("Wie geht es mit der Sanierung des Hallenbads Nord weiter?", inquiry.Subject);
        Assert.Equal("Stadt Musterstadt, Die Oberbürgermeisterin", inquiry.Recipient);
        Assert.Equal(new DateOnly(2026, 2, 2), inquiry.Date);
        Assert.Equal("Sportausschuss", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 2, 19), inquiry.SessionDate);
        Assert.Equal(Visibility.NonPublic, inquiry.Visibility);
        Assert.Equal(["24-23456", "25-24001-01"], inquiry.References);
        Assert.Null(inquiry.Id);
    }

    [Fact]
    public void Parses_numbered_questions_after_Daher_fragen_wir_and_joins_wrapped_lines()
    {
        var inquiry = CreateParser().Parse(LetterForm, "brief.txt");

        Assert.Equal(
            [new InquiryQuestion(1, "Wann beginnt die Sanierung?"), new InquiryQuestion(2, "Welche Kosten sind veranschlagt?"), new InquiryQuestion(3, "Wie werden die Vereine bis dahin unterstützt?")],
            inquiry.Questions);
        Assert.NotNull(inquiry.Background);
        Assert.StartsWith("Das Hallenbad Nord ist seit dem Sommer geschlossen", inquiry.Background, StringComparison.Ordinal);
        Assert.DoesNotContain("Wann beginnt", inquiry.Background, StringComparison.Ordinal);
        Assert.DoesNotContain("Daher fragen wir", inquiry.Background, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Daher fragen wir:")]
    [InlineData("Wir fragen die Verwaltung:")]
    [InlineData("Vor diesem Hintergrund fragen wir")]
    [InlineData("Vor diesem Hintergrund fragen wir die Verwaltung:")]
    [InlineData("Die Verwaltung wird gebeten, folgende Fragen zu beantworten:")]
    [InlineData("Die Verwaltung wird gebeten, folgende Fragen zu beantworten")]
    [InlineData("Wir bitten um Beantwortung folgender Fragen:")]
    [InlineData("In diesem Zusammenhang bitten wir die Verwaltung um Beantwortung der folgenden Fragen:")]
    [InlineData("Damit die Anwohnenden zu Wort kommen, fragen wir als Gruppe:")]
    [InlineData("Anfrage:")]
    public void Recognises_each_lead_in(string leadIn)
    {
        var text = $"""
            Sachverhalt:
            Im Stadtteil fehlen Kita-Plätze. 1. Quartal 2025 waren es 40 Plätze.

            {leadIn}

            1. Wie viele Plätze fehlen heute?
            2. Bis wann werden neue Plätze geschaffen?

            gez. Erika Beispiel
            """;

        var inquiry = CreateParser().Parse(text, "kita.txt");

        Assert.Equal(["Wie viele Plätze fehlen heute?", "Bis wann werden neue Plätze geschaffen?"], inquiry.Questions.Select(q => q.Text));
    }

    [Theory]
    [InlineData("1.", "2.", "3.")]
    [InlineData("1)", "2)", "3)")]
    [InlineData("1.)", "2.)", "3.)")]
    [InlineData("(1)", "(2)", "(3)")]
    [InlineData("Frage 1:", "Frage 2:", "Frage 3:")]
    [InlineData("1.", "1.", "1.")]
    public void Reads_each_numbering_style_and_renumbers_sequentially(string first, string second, string third)
    {
        var text = $"""
            Wir fragen die Verwaltung:
            {first} Wie lang ist der Radweg?
            {second} Wer pflegt ihn?
            {third} Wann wird er beleuchtet?
            """;

        var inquiry = CreateParser().Parse(text, "rad.txt");

        Assert.Equal([1, 2, 3], inquiry.Questions.Select(q => q.Number));
        Assert.Equal(["Wie lang ist der Radweg?", "Wer pflegt ihn?", "Wann wird er beleuchtet?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void Keeps_sub_items_inside_their_question()
    {
        const string Text = """
            Daher fragen wir:
            1. Welche Kosten entstehen
               a) für die Planung,
               b) für den Bau?
            2. Welche Standorte wurden geprüft:
               - am Markt,
               - am Bahnhof?
            3. Wann entscheidet der Rat?
            """;

        var inquiry = CreateParser().Parse(Text, "sub.txt");

        Assert.Equal(3, inquiry.Questions.Count);
        Assert.Equal("Welche Kosten entstehen a) für die Planung, b) für den Bau?", inquiry.Questions[0].Text);
        Assert.Equal("Welche Standorte wurden geprüft: - am Markt, - am Bahnhof?", inquiry.Questions[1].Text);
        Assert.Equal("Wann entscheidet der Rat?", inquiry.Questions[2].Text);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("•")]
    [InlineData("–")]
    [InlineData("*")]
    public void Uses_bullets_when_there_are_no_numbers(string bullet)
    {
        var text = $"""
            Wir bitten um Beantwortung folgender Fragen:
            {bullet} Wie viele Bäume wurden gefällt?
            {bullet} Wie viele werden
              nachgepflanzt?
            """;

        var inquiry = CreateParser().Parse(text, "baum.txt");

        Assert.Equal([new InquiryQuestion(1, "Wie viele Bäume wurden gefällt?"), new InquiryQuestion(2, "Wie viele werden nachgepflanzt?")], inquiry.Questions);
    }

    [Fact]
    public void Finds_a_list_without_lead_in_before_the_signature()
    {
        const string Text = """
            Betreff: Parkplätze am Friedhof

            Am Friedhof fehlen Parkplätze, Besucher parken auf dem Grünstreifen.

            1) Ist der Verwaltung das Problem bekannt?
            2) Welche Abhilfe ist möglich?

            Max Mustermann
            Fraktionsvorsitzender
            """;

        var inquiry = CreateParser().Parse(Text, "friedhof.txt");

        Assert.Equal(["Ist der Verwaltung das Problem bekannt?", "Welche Abhilfe ist möglich?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void A_single_unnumbered_question_after_the_lead_in_is_question_1()
    {
        const string Text = """
            Sachverhalt:
            Die Ampel an der Schulstraße ist seit Wochen defekt.

            Wir fragen die Verwaltung:

            Wann wird die Ampel an der Schulstraße repariert, und
            welche Übergangslösung sichert bis dahin den Schulweg?

            Mit freundlichen Grüßen
            Eva Beispiel
            """;

        var inquiry = CreateParser().Parse(Text, "ampel.txt");

        var question = Assert.Single(inquiry.Questions);
        Assert.Equal(1, question.Number);
        Assert.Equal("Wann wird die Ampel an der Schulstraße repariert, und welche Übergangslösung sichert bis dahin den Schulweg?", question.Text);
    }

    [Fact]
    public void A_request_sentence_without_question_mark_is_question_1()
    {
        const string Text = "Sachverhalt:\nEs gibt viele Anträge.\n\nDie Verwaltung wird gebeten mitzuteilen, wie viele Anträge 2025 gestellt und wie viele bewilligt wurden.\n\ngez. Tom Test";

        var inquiry = CreateParser().Parse(Text, "antraege.txt");

        Assert.Equal("Die Verwaltung wird gebeten mitzuteilen, wie viele Anträge 2025 gestellt und wie viele bewilligt wurden.", Assert.Single(inquiry.Questions).Text);
    }

    [Fact]
    public void Unnumbered_questions_each_ending_with_a_question_mark_are_separate_and_closing_remarks_are_dropped()
    {
        const string Text = "Wir fragen die Verwaltung:\n\nWie viele Plätze gibt es?\n\nWie viele sind belegt?\n\nWir bitten um schriftliche Beantwortung.\n\nMax Muster";

        var inquiry = CreateParser().Parse(Text, "plaetze.txt");

        Assert.Equal([new InquiryQuestion(1, "Wie viele Plätze gibt es?"), new InquiryQuestion(2, "Wie viele sind belegt?")], inquiry.Questions);
    }

    [Fact]
    public void A_question_on_the_lead_in_line_is_read()
    {
        var inquiry = CreateParser().Parse("Wir fragen die Verwaltung: Wie viele Hunde sind angemeldet?\n\ngez. Tom Test", "hund.txt");

        Assert.Equal("Wie viele Hunde sind angemeldet?", Assert.Single(inquiry.Questions).Text);
    }

    [Fact]
    public void Signature_page_furniture_and_attachments_never_join_a_question()
    {
        const string Text = """
            Daher fragen wir:
            1. Wie viele Anträge gingen 2025 ein?
            Seite 1 von 2
            2. Wie lange dauerte die Bearbeitung
            im Mittel?
            2
            3. Welche Stellen sind unbesetzt?

            Klara Kommunal
            Fraktionsgeschäftsführerin

            Anlage/n:
            Statistik 2025
            """;

        var inquiry = CreateParser().Parse(Text, "antraege.txt");

        Assert.Equal(["Wie viele Anträge gingen 2025 ein?", "Wie lange dauerte die Bearbeitung im Mittel?", "Welche Stellen sind unbesetzt?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void Party_and_name_lines_after_the_last_question_end_the_list()
    {
        const string Text = """
            Vor diesem Hintergrund fragen wir die Verwaltung:

            1. Wer betreibt den Kiosk im Park?

            2. Gibt es einen neuen Pachtvertrag?

            UNABHÄNGIGE LISTE MUSTERSTADT
            Paula Probe
            """;

        var inquiry = CreateParser().Parse(Text, "kiosk.txt");

        Assert.Equal(["Wer betreibt den Kiosk im Park?", "Gibt es einen neuen Pachtvertrag?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void A_cut_off_last_question_is_still_a_question()
    {
        const string Text = "Wir fragen die Verwaltung:\n\n1. Wie hoch war der Energieverbrauch 2024?\n\n2. Wann liegt der Bericht zum Energieverbr";

        var inquiry = CreateParser().Parse(Text, "energie.txt");

        Assert.Equal(2, inquiry.Questions.Count);
        Assert.Equal("Wann liegt der Bericht zum Energieverbr", inquiry.Questions[1].Text);
    }

    [Fact]
    public void A_numbered_quote_in_the_background_is_not_taken_for_the_questions()
    {
        const string Text = """
            Sachverhalt:
            Das Gesetz verlangt:
            „1. eine jährliche Übersicht der Kosten und
            2. eine Übersicht der Verbräuche.“

            Vor diesem Hintergrund fragen wir die Verwaltung:

            1. Wann legt die Verwaltung die Übersicht vor?
            """;

        var inquiry = CreateParser().Parse(Text, "gesetz.txt");

        Assert.Equal("Wann legt die Verwaltung die Übersicht vor?", Assert.Single(inquiry.Questions).Text);
    }

    [Fact]
    public void Lost_punctuation_after_a_number_inside_a_list_is_tolerated()
    {
        const string Text = "1)  Wer hat die Fällung beauftragt?\n\n2Warum wurden auch gesunde Bäume gefällt?\n\n3) Wer trägt die Kosten?\n\nMaria Muster";

        var inquiry = CreateParser().Parse(Text, "faellung.txt");

        Assert.Equal(["Wer hat die Fällung beauftragt?", "Warum wurden auch gesunde Bäume gefällt?", "Wer trägt die Kosten?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void Reads_the_council_page_layout()
    {
        const string Page = """
            Rat und Stadtbezirksräte
            Anfrage (öffentlich) - 26-01234
            Grunddaten
            - Betreff:
            -
            Beleuchtung des Stadtparks
            - Status:
            - öffentlich (Vorlage freigegeben)
            - Vorlageart:
            - Anfrage (öffentlich)
            - Verantwortlich:
            - Fraktion Musterpartei
            Beratungsfolge
            | Status | Datum | Gremium | Beschluss | NA |
            |---|---|---|---|---|
            |
            ●
            Erledigt
            |
            |
            Stadtbezirksrat im Stadtbezirk 120 Musterviertel
            |
            zur Beantwortung
            |
            |
            |
            |
            12.03.2026
            |
            Sachverhalt
            Sachverhalt:
            Der Stadtpark ist abends dunkel (siehe Anfrage 25-00987 und Stellungnahme 25-00987-01).
            Wir fragen die Verwaltung:
            1. Wann werden die Leuchten erneuert?
            2. Wer trägt die Kosten?
            """;

        var inquiry = CreateParser().ParseLenient(Page);

        Assert.Equal("26-01234", inquiry.Id);
        Assert.Equal("Beleuchtung des Stadtparks", inquiry.Subject);
        Assert.Equal("Stadtbezirksrat im Stadtbezirk 120 Musterviertel", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 3, 12), inquiry.SessionDate);
        Assert.Equal(Visibility.Public, inquiry.Visibility);
        Assert.Equal(["25-00987", "25-00987-01"], inquiry.References);
        Assert.Equal(["Wann werden die Leuchten erneuert?", "Wer trägt die Kosten?"], inquiry.Questions.Select(q => q.Text));
        Assert.StartsWith("Der Stadtpark ist abends dunkel", inquiry.Background, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_older_council_page_with_a_letterhead_block()
    {
        const string Page = """
            Vorlage - 2345/11

            Betreff: Wochenmarkt
            Status:nichtöffentlichVorlage-Art:Anfrage (nichtöffentlich)
            Beratungsfolge:
            Rat der Stadt Musterstadt
            15.03.2011
            Rat (offen)  (2345/11)

            Sachverhalt
            Anlage/n
            Anlagen:
            Stellungnahme 9876/11 - Wochenmarkt

            1

            Anfrage

            Datum

            Nummer

            04. Mrz. 2011

            2345/11

            Adressat

            Oberbürgermeister Muster

            Betreff

            Wochenmarkt

            Der Wochenmarkt verliert Händler.

            Wir fragen die Verwaltung:

              1. Wie viele Stände gibt es?

              1. Wie hoch sind die Gebühren?

            Hans Beispiel

            Fraktionsvorsitzender
            """;

        var inquiry = CreateParser().ParseLenient(Page);

        Assert.Equal("2345/11", inquiry.Id);
        Assert.Equal("Wochenmarkt", inquiry.Subject);
        Assert.Equal("Oberbürgermeister Muster", inquiry.Recipient);
        Assert.Equal(new DateOnly(2011, 3, 4), inquiry.Date);
        Assert.Equal("Rat der Stadt Musterstadt", inquiry.Committee);
        Assert.Equal(new DateOnly(2011, 3, 15), inquiry.SessionDate);
        Assert.Equal(Visibility.NonPublic, inquiry.Visibility);
        Assert.Empty(inquiry.References);
        Assert.Equal([new InquiryQuestion(1, "Wie viele Stände gibt es?"), new InquiryQuestion(2, "Wie hoch sind die Gebühren?")], inquiry.Questions);
        Assert.Equal("Der Wochenmarkt verliert Händler.", inquiry.Background);
    }

    [Theory]
    [InlineData("15.04.2026", 2026, 4, 15)]
    [InlineData("06. Mrz. 2012", 2012, 3, 6)]
    [InlineData("15. April 2026", 2026, 4, 15)]
    [InlineData("2026-04-15", 2026, 4, 15)]
    [InlineData("1.2.26", 2026, 2, 1)]
    public void Reads_german_and_iso_dates(string written, int year, int month, int day)
    {
        var inquiry = CreateParser().Parse($"Datum: {written}\n\nWir fragen:\n1. Was gilt?", "datum.txt");

        Assert.Equal(new DateOnly(year, month, day), inquiry.Date);
    }

    [Fact]
    public void Beratungsfolge_flattened_onto_one_line_by_pdf_extraction_is_read()
    {
        const string Text = "Beratungsfolge: Sitzungstermin Status\nAusschuss für Umwelt und Klima (zur Beantwortung) 30.04.2026 Ö\n\nSachverhalt:\nDaher fragen wir:\n1. Wie?";

        var inquiry = CreateParser().Parse(Text, "pdf.txt");

        Assert.Equal("Ausschuss für Umwelt und Klima", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 4, 30), inquiry.SessionDate);
        Assert.Equal(Visibility.Public, inquiry.Visibility);
    }

    [Fact]
    public void Reads_labels_without_colon_and_a_markdown_beratungsfolge_table()
    {
        const string Text = """
            **Betreff**
            **Neue Bänke am Seeufer**

            **Empfänger**
            Stadt Musterstadt
            Der Oberbürgermeister

            **Datum**
            2026-05-04

            | Beratungsfolge | Sitzungstermin | Status |
            |---|---|---|
            | Grünflächenausschuss (zur Beantwortung) | 20.05.2026 | Ö |

            ### Sachverhalt:
            Am Seeufer fehlen Sitzgelegenheiten.

            Wir fragen die Verwaltung:
            1) Wie viele Bänke sind geplant?
            """;

        var inquiry = CreateParser().Parse(Text, "baenke.md");

        Assert.Equal("Neue Bänke am Seeufer", inquiry.Subject);
        Assert.Equal("Stadt Musterstadt, Der Oberbürgermeister", inquiry.Recipient);
        Assert.Equal(new DateOnly(2026, 5, 4), inquiry.Date);
        Assert.Equal("Grünflächenausschuss", inquiry.Committee);
        Assert.Equal(new DateOnly(2026, 5, 20), inquiry.SessionDate);
        Assert.Equal(Visibility.Public, inquiry.Visibility);
    }

    [Fact]
    public void Text_without_questions_is_an_error_naming_the_source_but_lenient_parsing_returns_none()
    {
        const string Text = "Betreff: Mitteilung zum Winterdienst\n\nSachverhalt:\nDer Winterdienst beginnt am 1. November.";
        var parser = CreateParser();

        var error = Assert.Throws<DocumentReadException>(() => parser.Parse(Text, "winter.txt"));
        var lenient = parser.ParseLenient(Text);

        Assert.Equal("winter.txt", error.FilePath);
        Assert.Contains("keine Fragen gefunden", error.Problem, StringComparison.Ordinal);
        Assert.Empty(lenient.Questions);
        Assert.Equal("Mitteilung zum Winterdienst", lenient.Subject);
    }

    [Fact]
    public void Answers_are_not_read_as_questions()
    {
        const string Text = """
            Stellungnahme - 26-01234-01
            Sachverhalt:
            Zur Anfrage vom 01.03.2026 wird wie folgt Stellung genommen:
            Zu Frage 1:
            Die Leuchten werden 2027 erneuert.
            Zu 2.:
            Die Kosten trägt die Stadt.
            """;

        Assert.Empty(CreateParser().ParseLenient(Text).Questions);
    }

    [Fact]
    public async Task Parses_a_docx_inquiry_with_automatic_numbering()
    {
        using var temp = new TempDirectory();
        var path = temp.File("anfrage.docx");
        TestDocuments.WriteDocx(path,
        [
            new("Betreff:"),
            new("Sanierung der Grundschule Süd"),
            new(string.Empty),
            new("Beratungsfolge:\tSitzungstermin\tStatus"),
            new("Schulausschuss (zur Beantwortung)\t05.05.2026\tÖ"),
            new(string.Empty),
            new("Sachverhalt:"),
            new("Das Dach ist undicht (Ds. 25-11111)."),
            new("Die Verwaltung wird gebeten, folgende Fragen zu beantworten:"),
            new("Wann wird das Dach saniert?", 0),
            new("Welche Räume sind gesperrt?", 0),
            new("im Altbau", 1),
            new("im Neubau", 1),
            new("Wie lange dauern die Arbeiten?", 0),
            new(string.Empty),
            new("gez. Otto Ortsrat"),
        ]);

        var inquiry = await CreateParser().ParseFileAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("Sanierung der Grundschule Süd", inquiry.Subject);
        Assert.Equal("Schulausschuss", inquiry.Committee);
        Assert.Equal(["25-11111"], inquiry.References);
        Assert.Equal(["Wann wird das Dach saniert?", "Welche Räume sind gesperrt? a) im Altbau b) im Neubau", "Wie lange dauern die Arbeiten?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public async Task Parses_a_pdf_inquiry()
    {
        using var temp = new TempDirectory();
        var path = temp.File("anfrage.pdf");
        await File.WriteAllBytesAsync(path, TestDocuments.BuildPdf(
        [
            "Betreff:",
            "Oeffnungszeiten der Stadtbibliothek",
            string.Empty,
            "Sachverhalt:",
            "Die Bibliothek schliesst samstags frueh.",
            string.Empty,
            "Daher fragen wir:",
            "1. Warum wurden die Zeiten gekuerzt?",
            "2. Welche Kosten haette eine laengere",
            "Oeffnung am Samstag?",
            string.Empty,
            "Mit freundlichen Gruessen",
        ]), TestContext.Current.CancellationToken);

        var inquiry = await CreateParser().ParseFileAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("Oeffnungszeiten der Stadtbibliothek", inquiry.Subject);
        Assert.Equal(["Warum wurden die Zeiten gekuerzt?", "Welche Kosten haette eine laengere Oeffnung am Samstag?"], inquiry.Questions.Select(q => q.Text));
    }
}
