using Anfragen.Assistant.Configuration;
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
}
