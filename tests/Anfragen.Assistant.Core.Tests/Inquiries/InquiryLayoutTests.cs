using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Inquiries;

/// <summary>Layouts and phrasings of other councils and authors; every fixture is our own text.</summary>
public sealed class InquiryLayoutTests
{
    private static InquiryParser CreateParser() =>
        new(new DocumentTextReader(Options.Create(new AssistantOptions())));

    private static string[] Questions(string text) =>
        CreateParser().ParseLenient(text).Questions.Select(q => q.Text).ToArray();

    private const string Background = """
        Sachverhalt:
        Seit dem Frühjahr häufen sich Beschwerden über den Zustand der Spielplätze im Stadtteil.
        Mehrere Geräte sind gesperrt.

        """;

    [Theory]
    [InlineData("Wir fragen daher die Verwaltung:")]
    [InlineData("Ich frage die Verwaltung:")]
    [InlineData("Vor diesem Hintergrund bitten wir um die Beantwortung folgender Fragen:")]
    [InlineData("Die Verwaltung wird um Beantwortung der folgenden Fragen gebeten:")]
    [InlineData("Wir bitten die Verwaltung um Auskunft:")]
    [InlineData("Daher fragen wir die Verwaltung an:")]
    [InlineData("Fragen:")]
    [InlineData("Anfrage")]
    [InlineData("Wir bitten um schriftliche Beantwortung der folgenden Fragen in der Sitzung des Bauausschusses am 12.05.2026:")]
    [InlineData("Die Spielgeräte sind seit Monaten gesperrt und die Eltern warten auf Antworten. Vor diesem Hintergrund fragen wir:")]
    [InlineData("Wir bitten die Verwaltung, folgende Fragen zu beantworten:")]
    [InlineData("Die Verwaltung möge folgende Fragen beantworten:")]
    [InlineData("Wir fragen an:")]
    public void Recognises_more_lead_ins(string leadIn)
    {
        var text = Background + leadIn + "\n\n1. Welche Geräte sind gesperrt?\n2. Bis wann werden sie ersetzt?\n\nMit freundlichen Grüßen\nErika Beispiel";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(text));
    }

    [Theory]
    [InlineData("1 -", "2 -", "3 -")]
    [InlineData("1 –", "2 –", "3 –")]
    [InlineData("I.", "II.", "III.")]
    [InlineData("I)", "II)", "III)")]
    [InlineData("Frage 1.", "Frage 2.", "Frage 3.")]
    [InlineData("1.\t", "2.\t", "3.\t")]
    [InlineData("a)", "b)", "c)")]
    [InlineData("A)", "B)", "C)")]
    public void Reads_more_numbering_styles(string first, string second, string third)
    {
        var text = $"Daher fragen wir:\n\n{first} Welche Geräte sind gesperrt?\n{second} Bis wann werden sie ersetzt?\n{third} Was kostet der Ersatz?\n\ngez. Erika Beispiel";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?", "Was kostet der Ersatz?"], Questions(text));
    }

    [Fact]
    public void Roman_numbers_without_lead_in_are_a_list()
    {
        const string Text = "Sachverhalt:\nDie Geräte sind gesperrt.\n\nI. Welche Geräte sind gesperrt?\nII. Bis wann werden sie ersetzt?\n\nErika Beispiel\nFraktionsvorsitzende";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(Text));
    }

    [Fact]
    public void Decimal_sub_numbers_stay_with_their_question()
    {
        const string Text = """
            Wir fragen die Verwaltung:
            1. Wie viele Spielplätze gibt es?
            1.1 Wie viele davon sind barrierefrei?
            1.2 Wie viele haben Schattenplätze?
            2. Wann wird der nächste saniert?
            """;

        Assert.Equal(["Wie viele Spielplätze gibt es? 1.1 Wie viele davon sind barrierefrei? 1.2 Wie viele haben Schattenplätze?", "Wann wird der nächste saniert?"], Questions(Text));
    }

    [Fact]
    public void Questions_span_paragraphs_and_may_end_without_question_mark()
    {
        const string Text = """
            Daher bitten wir um Beantwortung folgender Fragen:

            1. Bitte stellen Sie dar, welche Spielgeräte in den letzten drei Jahren
            gesperrt wurden und aus welchen Gründen.

            2. Welche Mittel stehen im Haushalt 2026 für Ersatzbeschaffungen bereit,
            und wie verteilen sie sich auf die Stadtbezirke?

            Wir bitten um schriftliche Beantwortung.

            Mit freundlichen Grüßen
            """;

        Assert.Equal(
            ["Bitte stellen Sie dar, welche Spielgeräte in den letzten drei Jahren gesperrt wurden und aus welchen Gründen.", "Welche Mittel stehen im Haushalt 2026 für Ersatzbeschaffungen bereit, und wie verteilen sie sich auf die Stadtbezirke?"],
            Questions(Text));
    }

    [Theory]
    [InlineData("Die Beantwortung kann auch schriftlich erfolgen.")]
    [InlineData("Wir bitten um schriftliche Beantwortung zur nächsten Sitzung.")]
    [InlineData("Um schriftliche Beantwortung wird gebeten.")]
    [InlineData("Eine mündliche Beantwortung in der Sitzung ist ausreichend.")]
    [InlineData("Vielen Dank für die Beantwortung.")]
    [InlineData("Wir bedanken uns im Voraus für die Beantwortung.")]
    public void A_closing_paragraph_is_not_appended_to_the_last_question(string closing)
    {
        var text = $"Wir fragen die Verwaltung:\n\n1. Welche Geräte sind gesperrt?\n\n2. Bitte stellen Sie die Kosten des Ersatzes dar.\n\n{closing}\n\nfür die Fraktion\nErika Beispiel";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bitte stellen Sie die Kosten des Ersatzes dar."], Questions(text));
    }

    [Theory]
    [InlineData("Erika Beispiel\nFraktionsvorsitzende")]
    [InlineData("Erika Beispiel, Fraktionsvorsitzende")]
    [InlineData("gez. Erika Beispiel")]
    [InlineData("für die Fraktion\nErika Beispiel")]
    [InlineData("Für die CDU-Fraktion\nErika Beispiel")]
    [InlineData("Anlage(n):\nLageplan")]
    [InlineData("Verteiler:\nalle Fraktionen")]
    [InlineData("Mit freundlichen Grüßen\n\nErika Beispiel")]
    [InlineData("Mit freundlichem Gruß\nErika Beispiel")]
    [InlineData("Beste Grüße\nErika Beispiel")]
    [InlineData("Gez.: Erika Beispiel")]
    [InlineData("gez. Erika Beispiel, Ratsfrau")]
    [InlineData("Erika Beispiel (Fraktionsvorsitzende)")]
    public void Signature_blocks_end_the_last_question(string signature)
    {
        var text = $"Wir fragen die Verwaltung:\n\n1. Welche Geräte sind gesperrt?\n2. Wann werden sie\nersetzt?\n\n{signature}";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Wann werden sie ersetzt?"], Questions(text));
    }

    [Fact]
    public void Page_furniture_and_a_repeated_letterhead_inside_the_list_are_skipped()
    {
        const string Text = """
            Wir fragen die Verwaltung:

            1. Welche Geräte sind gesperrt?
            2. Wann werden die Geräte

            - 2 -

            Seite 2 von 3
            ersetzt?
            3. Was kostet der Ersatz?
            """;

        Assert.Equal(["Welche Geräte sind gesperrt?", "Wann werden die Geräte ersetzt?", "Was kostet der Ersatz?"], Questions(Text));
    }

    [Fact]
    public void Hyphenated_line_breaks_are_joined_only_before_lowercase()
    {
        const string Text = """
            Wir fragen die Verwaltung:

            1. Welche Maßnahmen zur Verkehrs-
            beruhigung sind geplant?
            2. Wie hoch sind die Personal-
            und Sachkosten der Radwege-
            Offensive?
            """;

        Assert.Equal(["Welche Maßnahmen zur Verkehrsberuhigung sind geplant?", "Wie hoch sind die Personal- und Sachkosten der Radwege-Offensive?"], Questions(Text));
    }

    [Fact]
    public void A_wrapped_pdf_line_starting_lowercase_continues_the_question()
    {
        const string Text = "Daher fragen wir:\n\n1. Wie viele Kinder warten auf einen Platz\nin einer Kita?\n\n2. Wie viele Plätze\nentstehen 2026?";

        Assert.Equal(["Wie viele Kinder warten auf einen Platz in einer Kita?", "Wie viele Plätze entstehen 2026?"], Questions(Text));
    }

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
    public void A_stellungnahme_with_zu_frage_answers_yields_no_questions()
    {
        const string Text = """
            Stellungnahme der Verwaltung
            Betreff: Spielplätze im Stadtteil

            Die Anfrage der SPD-Fraktion vom 15.04.2026 wird wie folgt beantwortet:

            Zu Frage 1:
            Derzeit sind vier Geräte gesperrt.

            Zu Frage 2:
            Der Ersatz erfolgt bis Ende 2026. Ist eine frühere Beschaffung möglich? Nein, die Lieferzeiten lassen das nicht zu.

            Zu 3.:
            Die Kosten betragen rund 40.000 Euro.

            gez. Dr. Hans Amtmann
            Stadtrat
            """;

        Assert.Throws<DocumentReadException>(() => CreateParser().Parse(Text, "stellungnahme.txt"));
    }

    [Fact]
    public void A_stellungnahme_quoting_the_questions_before_each_answer_is_not_an_inquiry()
    {
        const string Text = """
            Stellungnahme der Verwaltung

            Zu der Anfrage wird wie folgt Stellung genommen:

            1. Welche Geräte sind gesperrt?
            Derzeit sind vier Geräte gesperrt, darunter zwei Schaukeln.

            2. Bis wann werden sie ersetzt?
            Der Ersatz erfolgt bis Ende 2026.

            gez. Hans Amtmann
            """;

        Assert.Empty(CreateParser().ParseLenient(Text).Questions);
    }

    [Fact]
    public void A_repeated_letterhead_after_a_page_break_does_not_end_the_list()
    {
        const string Text = """
            SPD-Fraktion im Rat der Stadt Musterstadt
            Wir fragen die Verwaltung:

            1. Welche Geräte sind gesperrt?
            2. Bis wann werden sie ersetzt?

            SPD-Fraktion im Rat der Stadt Musterstadt
            Seite 2 von 2

            3. Was kostet der Ersatz?

            Erika Beispiel
            Fraktionsvorsitzende
            """;

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?", "Was kostet der Ersatz?"], Questions(Text));
    }

    [Fact]
    public void Numbered_questions_flattened_onto_one_line_are_split()
    {
        const string Text = "Wir fragen die Verwaltung: 1. Welche Geräte sind gesperrt? 2. Bis wann werden sie ersetzt? 3. Was kostet der Ersatz?\n\ngez. Erika Beispiel";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?", "Was kostet der Ersatz?"], Questions(Text));
    }

    [Fact]
    public void A_question_number_alone_on_its_line_takes_the_next_lines()
    {
        const string Text = "Daher fragen wir:\n\nFrage 1\nWelche Geräte sind gesperrt?\n\nFrage 2\nBis wann werden sie ersetzt?\n\nMit freundlichen Grüßen";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(Text));
    }

    [Fact]
    public void A_letter_with_greeting_and_no_lead_in_reads_the_list_before_the_closing()
    {
        const string Text = """
            Sehr geehrter Herr Oberbürgermeister,

            die Eltern im Stadtteil berichten von gesperrten Spielgeräten.

            1. Welche Geräte sind gesperrt?
            2. Bis wann werden sie ersetzt?

            Mit freundlichen Grüßen
            Erika Beispiel
            """;

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(Text));
    }

    [Fact]
    public void A_begruendung_after_the_questions_is_not_part_of_the_last_question()
    {
        const string Text = "Anfrage:\n1. Welche Geräte sind gesperrt?\n2. Bis wann werden sie ersetzt?\n\nBegründung:\nDie Eltern warten seit Monaten.";

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public void An_antrag_with_a_resolution_list_has_no_questions()
    {
        const string Text = """
            Antrag der Fraktion Bündnis 90/Die Grünen
            Betreff: Neue Spielgeräte

            Beschlussvorschlag:
            1. Die Verwaltung wird beauftragt, die gesperrten Geräte bis Ende 2026 zu ersetzen.
            2. Die Mittel werden im Haushalt 2027 bereitgestellt.

            Begründung:
            Die Geräte sind seit Monaten gesperrt.
            """;

        Assert.Throws<DocumentReadException>(() => CreateParser().Parse(Text, "antrag.txt"));
    }

    [Fact]
    public async Task A_pdf_with_hyphenated_wraps_and_a_second_page_letterhead_is_read()
    {
        using var temp = new TempDirectory();
        var path = temp.File("anfrage.pdf");
        await File.WriteAllBytesAsync(path, TestDocuments.BuildPdf(
        [
            "CDU-Fraktion im Rat der Stadt Musterstadt",
            "Betreff: Verkehrsberuhigung in der Weststadt",
            string.Empty,
            "Sachverhalt:",
            "Die Anwohner klagen ueber Durchgangsverkehr.",
            string.Empty,
            "Vor diesem Hintergrund fragen wir die Verwaltung:",
            "1. Welche Massnahmen zur Verkehrs-",
            "beruhigung sind geplant?",
            "2. Wann beginnt die Umsetzung der",
            "\f",
            "CDU-Fraktion im Rat der Stadt Musterstadt",
            "Seite 2 von 2",
            "Massnahmen im Wohngebiet?",
            "3. Welche Kosten entstehen?",
            string.Empty,
            "Mit freundlichen Gruessen",
            "Max Beispiel",
            "Fraktionsvorsitzender",
        ]), TestContext.Current.CancellationToken);

        var inquiry = await CreateParser().ParseFileAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("Verkehrsberuhigung in der Weststadt", inquiry.Subject);
        Assert.Equal(
            ["Welche Massnahmen zur Verkehrsberuhigung sind geplant?", "Wann beginnt die Umsetzung der Massnahmen im Wohngebiet?", "Welche Kosten entstehen?"],
            inquiry.Questions.Select(q => q.Text));
    }

    [Fact]
    public async Task A_docx_with_a_numbered_quote_and_a_restarted_question_list_is_read()
    {
        using var temp = new TempDirectory();
        var path = temp.File("anfrage.docx");
        TestDocuments.WriteDocx(path,
        [
            new("Betreff: Spielplätze"),
            new("Sachverhalt:"),
            new("Der Rat beschloss 2024:"),
            new("alle Spielplätze jährlich zu prüfen,", 0),
            new("Mängel binnen drei Monaten zu beheben.", 0),
            new("Wir fragen die Verwaltung:"),
            new("Welche Geräte sind gesperrt?", 0, Restart: true),
            new("Bis wann werden sie ersetzt?", 0),
            new(string.Empty),
            new("Erika Beispiel"),
            new("Fraktionsvorsitzende"),
        ]);

        var inquiry = await CreateParser().ParseFileAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], inquiry.Questions.Select(q => q.Text));
    }

    [Theory]
    [InlineData("\uF0B7")]
    [InlineData("\uF0A7")]
    [InlineData("o")]
    [InlineData("▪")]
    public void Word_symbol_bullets_from_pdf_text_mark_questions(string bullet)
    {
        var text = $"Wir fragen die Verwaltung:\n\n{bullet} Welche Geräte sind gesperrt?\n{bullet} Bis wann werden sie ersetzt?\n\nMit freundlichen Grüßen";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(text));
    }

    [Fact]
    public void A_declarative_paragraph_after_the_last_question_is_not_part_of_it()
    {
        const string Text = """
            Wir fragen die Verwaltung:

            1. Welche Geräte sind gesperrt?

            Bitte nach Spielplätzen aufschlüsseln.

            2. Bis wann werden sie ersetzt?

            Die Fragen wurden bereits im Stadtbezirksrat gestellt, dort aber aus Zeitgründen nicht abschließend beantwortet, weshalb wir sie hier erneut vorlegen.

            Erika Beispiel
            """;

        Assert.Equal(["Welche Geräte sind gesperrt? Bitte nach Spielplätzen aufschlüsseln.", "Bis wann werden sie ersetzt?"], Questions(Text));
    }

    [Theory]
    [InlineData("Die SPD-Fraktion bittet die Verwaltung um die Beantwortung der folgenden Fragen:")]
    [InlineData("Deshalb stellen wir folgende Anfrage:")]
    [InlineData("Hierzu fragen wir die Verwaltung:")]
    [InlineData("Die Fraktion fragt an:")]
    [InlineData("Ich bitte um Beantwortung folgender Fragen:")]
    public void Recognises_lead_ins_naming_the_group(string leadIn)
    {
        var text = Background + leadIn + "\n- Welche Geräte sind gesperrt?\n- Bis wann werden sie ersetzt?\n\ngez. Erika Beispiel";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(text));
    }

    [Fact]
    public void A_date_alone_in_the_letterhead_is_the_date()
    {
        const string Text = "Fraktion Die Linke im Rat\nHerrn Oberbürgermeister\nMax Muster\n\n15. April 2026\n\nBetreff: Radwege\n\nWir fragen:\n1. Wie viele Radwege gibt es?";

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal(new DateOnly(2026, 4, 15), inquiry.Date);
        Assert.Equal("Herrn Oberbürgermeister", inquiry.Recipient);
    }

    [Fact]
    public void An_antrag_asking_the_administration_to_report_has_no_questions()
    {
        const string Text = """
            Antrag der SPD-Fraktion
            Betreff: Bericht über Spielplätze

            Beschlussvorschlag:
            Die Verwaltung wird gebeten, dem Jugendhilfeausschuss bis Ende 2026 über den Zustand der Spielplätze zu berichten.

            Begründung:
            Die Geräte sind seit Monaten gesperrt.
            """;

        Assert.Empty(CreateParser().ParseLenient(Text).Questions);
    }

    [Fact]
    public void Questions_before_the_sachverhalt_are_read()
    {
        const string Text = """
            Betreff: Spielplätze im Stadtteil

            Anfrage:
            1. Welche Geräte sind gesperrt?
            2. Bis wann werden sie ersetzt?

            Sachverhalt:
            Seit dem Frühjahr sind mehrere Geräte gesperrt.

            Erika Beispiel
            Fraktionsvorsitzende
            """;

        var inquiry = CreateParser().ParseLenient(Text);

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], inquiry.Questions.Select(q => q.Text));
        Assert.Equal("Seit dem Frühjahr sind mehrere Geräte gesperrt.", inquiry.Background);
    }

    [Fact]
    public void A_wrapped_line_starting_with_a_count_is_not_the_next_question()
    {
        const string Text = "Wir fragen die Verwaltung:\n1. Wie viele Plätze fehlen in den\n2 Kitas im Norden?\n2. Wann öffnet die neue Kita?";

        Assert.Equal(["Wie viele Plätze fehlen in den 2 Kitas im Norden?", "Wann öffnet die neue Kita?"], Questions(Text));
    }

    [Fact]
    public void A_single_question_in_a_letter_after_the_greeting_is_read()
    {
        const string Text = """
            Sehr geehrte Damen und Herren,

            ich bitte um Beantwortung folgender Frage: Wann wird die Ampel an der Schulstraße wieder eingeschaltet?

            Mit freundlichen Grüßen
            Erika Beispiel
            """;

        Assert.Equal(["Wann wird die Ampel an der Schulstraße wieder eingeschaltet?"], Questions(Text));
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
    public void Questions_quoted_with_their_answers_are_not_an_inquiry()
    {
        const string Text = """
            Betreff: Spielplätze im Stadtteil

            Frage 1: Welche Geräte sind gesperrt?
            Antwort: Derzeit sind vier Geräte gesperrt.

            Frage 2: Bis wann werden sie ersetzt?
            Antwort: Der Ersatz erfolgt bis Ende 2026.
            """;

        Assert.Empty(CreateParser().ParseLenient(Text).Questions);
    }

    [Fact]
    public void Zu_frage_answers_after_quoted_questions_are_not_an_inquiry()
    {
        const string Text = """
            Die Fraktion hat folgende Fragen gestellt:
            1. Welche Geräte sind gesperrt?
            2. Bis wann werden sie ersetzt?

            Zu 1.:
            Derzeit sind vier Geräte gesperrt.

            Zu 2.:
            Der Ersatz erfolgt bis Ende 2026.
            """;

        Assert.Empty(CreateParser().ParseLenient(Text).Questions);
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
    public void Unnumbered_question_paragraphs_above_the_signature_are_each_a_question()
    {
        const string Text = """
            Sehr geehrte Damen und Herren,

            auf mehreren Spielplätzen sind Geräte gesperrt. Die Eltern warten seit Monaten.

            Welche Geräte sind gesperrt und
            warum?

            Bis wann werden sie ersetzt?

            Mit freundlichen Grüßen
            Erika Beispiel
            """;

        Assert.Equal(["Welche Geräte sind gesperrt und warum?", "Bis wann werden sie ersetzt?"], Questions(Text));
    }

    [Fact]
    public void An_ordinal_wrapped_to_the_line_start_continues_the_question()
    {
        const string Text = "Wir fragen die Verwaltung:\n1. Wird der Anbau wie geplant im\n2. Quartal 2026 fertig?\n2. Welche Kosten entstehen?";

        Assert.Equal(["Wird der Anbau wie geplant im 2. Quartal 2026 fertig?", "Welche Kosten entstehen?"], Questions(Text));
    }

    [Fact]
    public void Footnotes_after_the_last_question_are_not_part_of_it()
    {
        const string Text = "Wir fragen die Verwaltung:\n1. Welche Geräte sind gesperrt?\n2. Bis wann werden sie ersetzt?\n\n1 https://www.example.org/spielplaetze\n2 Vgl. Ratsbeschluss vom 12.03.2025";

        Assert.Equal(["Welche Geräte sind gesperrt?", "Bis wann werden sie ersetzt?"], Questions(Text));
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
