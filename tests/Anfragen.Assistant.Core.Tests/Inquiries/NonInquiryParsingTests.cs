using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Inquiries;

/// <summary>Answers (Stellungnahmen) and motions (Anträge) given to the parser yield no questions; fixtures are our own text.</summary>
public sealed class NonInquiryParsingTests
{
    private static InquiryParser CreateParser() =>
        new(new DocumentTextReader(Options.Create(new AssistantOptions())));

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
}
