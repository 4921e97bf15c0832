using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Drafting;

public sealed class FollowUpQuestionTests
{
    private static readonly GermanTextAnalyzer Analyzer = new();

    [Theory]
    [InlineData("Und wann?")]
    [InlineData("Was kostet das?")]
    [InlineData("Wie viele Stellplätze sind dort im Haushalt 2026 geplant?")]
    [InlineData("Welche Kosten entstehen der Stadt dafür in den nächsten Jahren insgesamt?")]
    [InlineData("Wer ist für diese Maßnahmen im Fachbereich Personal zuständig?")]
    public void A_question_that_points_back_is_read_with_the_one_before(string question) =>
        Assert.True(FollowUpQuestion.Refers(question, Analyzer.Analyze(question).Count));

    [Theory]
    [InlineData("Welche Maßnahmen gibt es zur Fachkräftegewinnung in der Verwaltung?")]
    [InlineData("Welche Radwege werden beim Winterdienst zuerst geräumt?")]
    [InlineData("Wie läuft das Auswahlverfahren für die Leitung des Fachbereichs 37?")]
    public void A_question_that_names_its_own_topic_stands_alone(string question) =>
        Assert.False(FollowUpQuestion.Refers(question, Analyzer.Analyze(question).Count));
}
