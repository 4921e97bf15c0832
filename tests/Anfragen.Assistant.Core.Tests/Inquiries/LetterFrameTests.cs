namespace Anfragen.Assistant.Inquiries;

public sealed class LetterFrameTests
{
    private const string Head = "Stellungnahme der Verwaltung\n\nBetreff:\nWinterdienst auf Radwegen\n\nDatum:\n05.12.2023\n\nBeratungsfolge:\tSitzungstermin\tStatus\nBauausschuss\t07.12.2023\tÖ\n\nSachverhalt:\n\n";

    [Fact]
    public void A_passage_is_shown_from_where_its_content_starts()
    {
        const string Content = "Radwege an Hauptverkehrsstraßen werden vorrangig geräumt, Nebenstrecken innerhalb von 24 Stunden nach Schneefall; dafür stehen zwölf Kleintraktoren und zwei Streufahrzeuge des Betriebshofs zur Verfügung.";

        Assert.Equal(Content, LetterFrame.StripHead(Head + Content));
        Assert.False(LetterFrame.IsOnlyHead(Head + Content));
    }

    [Fact]
    public void The_content_label_may_carry_the_first_words_on_its_line() =>
        Assert.Equal("Die Brücke wird 2026 saniert.", LetterFrame.StripHead("Betreff: Brücke\nDatum: 01.02.2026\nSachverhalt: Die Brücke wird 2026 saniert."));

    [Fact]
    public void A_letter_head_with_only_the_opening_sentence_is_nothing_to_propose() =>
        Assert.True(LetterFrame.IsOnlyHead(Head + "Zur Anfrage der CDU-Fraktion vom 20.11.2023 nimmt die Verwaltung wie folgt Stellung:"));

    [Fact]
    public void Text_without_a_letter_head_stays_as_it_is()
    {
        const string Text = "Zu Frage 1:\nSachverhalt: Die Brücke wird 2026 saniert.";

        Assert.Same(Text, LetterFrame.StripHead(Text));
        Assert.False(LetterFrame.IsOnlyHead("Kurz."));
    }
}
