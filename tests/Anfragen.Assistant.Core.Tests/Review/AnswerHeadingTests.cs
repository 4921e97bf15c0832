using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

public sealed class AnswerHeadingTests
{
    [Theory]
    [InlineData("Zu Frage 1: Die Verwaltung prüft.", "Die Verwaltung prüft.")]
    [InlineData("Zu 3.: Die Verwaltung prüft.", "Die Verwaltung prüft.")]
    [InlineData("Zu 2. und 3.:\nDie Verwaltung prüft.", "Die Verwaltung prüft.")]
    [InlineData("Zu Frage 1\nDie Verwaltung prüft.", "Die Verwaltung prüft.")]
    [InlineData("Zu Frage 1:\n„Wann kommt das Licht?“\nDie Verwaltung prüft.", "Die Verwaltung prüft.")]
    [InlineData("Zu 30 Prozent sind die Arbeiten fertig.", "Zu 30 Prozent sind die Arbeiten fertig.")]
    [InlineData("Die Verwaltung prüft.", "Die Verwaltung prüft.")]
    public void A_passage_of_an_earlier_Stellungnahme_loses_its_answer_heading(string text, string expected) =>
        Assert.Equal(expected, AnswerHeading.StripAny(text));

    [Fact]
    public void Only_the_heading_of_the_answers_own_number_is_dropped()
    {
        Assert.Equal("Die Verwaltung prüft.", AnswerHeading.StripOwn("Zu Frage 2: Die Verwaltung prüft.", 2));
        Assert.Equal("Zu Frage 3: Die Verwaltung prüft.", AnswerHeading.StripOwn("Zu Frage 3: Die Verwaltung prüft.", 2));
        Assert.Equal("Zu 2. und 3.: Beides zusammen.", AnswerHeading.StripOwn("Zu 2. und 3.: Beides zusammen.", 2));
    }
}
