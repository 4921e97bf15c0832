namespace Anfragen.Assistant.Documents;

public sealed class AnswerIdsTests
{
    [Theory]
    [InlineData("24-11234-01", "24-11234")]
    [InlineData("24-11234-02", "24-11234")]
    [InlineData("1187/19-01", "1187/19")]
    public void An_answer_id_names_its_inquiry(string answer, string inquiry)
    {
        Assert.Equal(inquiry, AnswerIds.InquiryOf(answer));
        Assert.True(AnswerIds.IsAnswerOf(answer, inquiry));
        Assert.True(AnswerIds.IsAnswerOf(answer.ToUpperInvariant(), inquiry.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("24-11234")]
    [InlineData("24-11234-1")]
    [InlineData("24-11234-001")]
    [InlineData("-01")]
    [InlineData("stellungnahme-x")]
    public void Ids_without_a_two_digit_ending_answer_nothing(string id) => Assert.Null(AnswerIds.InquiryOf(id));

    [Fact]
    public void An_answer_of_another_inquiry_or_a_longer_number_does_not_count() =>
        Assert.False(AnswerIds.IsAnswerOf("24-112345-01", "24-11234") || AnswerIds.IsAnswerOf("24-11235-01", "24-11234"));

    [Fact]
    public void Supplements_are_tried_latest_first() =>
        Assert.Equal(["25-1-03", "25-1-02", "25-1-01"], AnswerIds.AnswersOfLatestFirst("25-1"));

    [Fact]
    public void Measuring_counts_the_first_answer_for_its_inquiry_and_the_other_way_round()
    {
        Assert.True(AnswerIds.SamePaperOrFirstAnswer("25-10001-01", "25-10001"));
        Assert.True(AnswerIds.SamePaperOrFirstAnswer("25-10001", "25-10001-01"));
        Assert.True(AnswerIds.SamePaperOrFirstAnswer("25-10001", "25-10001"));
        Assert.False(AnswerIds.SamePaperOrFirstAnswer("25-10001-02", "25-10001"));
        Assert.False(AnswerIds.SamePaperOrFirstAnswer("25-10002-01", "25-10001"));
    }

    [Fact]
    public void The_first_answer_id_of_an_inquiry_is_its_number_with_01() =>
        Assert.Equal("23-22677-01", AnswerIds.FirstAnswerOf(" 23-22677 "));
}
