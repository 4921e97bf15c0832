using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

public sealed class PriorAnswerTests
{
    [Fact]
    public async Task A_question_of_an_earlier_anfrage_leads_to_the_latest_answer_that_answers_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var index = host.Get<IKnowledgeIndex>();
        var questions = (await index.GetChunksAsync("25-11020", SearchFilter.PublicOnly, ct)).Where(c => c.QuestionNumber is not null).ToDictionary(c => c.QuestionNumber!.Value);

        var first = await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), questions[1], SearchFilter.PublicOnly, ct);
        var second = await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), questions[2], SearchFilter.PublicOnly, ct);

        Assert.Equal(("25-11020-01", 1), (first!.DocumentId, first.QuestionNumber!.Value));
        Assert.Equal(("25-11020-02", 2), (second!.DocumentId, second.QuestionNumber!.Value));
    }

    [Fact]
    public async Task Only_a_question_of_an_anfrage_has_a_prior_answer_and_the_filter_applies_to_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var index = host.Get<IKnowledgeIndex>();
        var question = (await index.GetChunksAsync("25-11020", SearchFilter.PublicOnly, ct)).First(c => c.QuestionNumber == 1);
        var answer = (await index.GetChunksAsync("25-11020-01", SearchFilter.PublicOnly, ct))[0];

        Assert.Null(await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), answer, SearchFilter.PublicOnly, ct));
        Assert.Null(await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), question, SearchFilter.PublicOnly with { Types = [Documents.DocumentType.Mitteilung] }, ct));
        Assert.Null(await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), question, SearchFilter.PublicOnly with { ExcludeDocumentIds = ["25-11020-01"] }, ct));
    }

    [Fact]
    public async Task An_answer_with_a_number_of_its_own_is_found_by_the_anfrage_it_names_at_its_head()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var index = host.Get<IKnowledgeIndex>();
        var questions = (await index.GetChunksAsync("0555/21", SearchFilter.PublicOnly, ct)).Where(c => c.QuestionNumber is not null).ToDictionary(c => c.QuestionNumber!.Value);

        var first = await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), questions[1], SearchFilter.PublicOnly, ct);
        var second = await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), questions[2], SearchFilter.PublicOnly, ct);

        Assert.Equal(("0601/21", 1), (first!.DocumentId, first.QuestionNumber!.Value));
        Assert.Contains("Wasserspender", first.Text, StringComparison.Ordinal);
        Assert.Equal(("0601/21", 2), (second!.DocumentId, second.QuestionNumber!.Value));
    }

    [Fact]
    public async Task An_answer_given_in_nichtoeffentlicher_Sitzung_is_found_only_for_a_cleared_caller()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var index = host.Get<IKnowledgeIndex>();
        var question = (await index.GetChunksAsync("24-90003", SearchFilter.PublicOnly, ct)).First(c => c.QuestionNumber == 1);

        Assert.Null(await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), question, SearchFilter.PublicOnly, ct));
        Assert.Equal("24-90003-01", (await PriorAnswer.FindAsync(index, host.Get<IPaperLinks>(), question, new SearchFilter { IncludeNonPublic = true }, ct))!.DocumentId);

        var chat = await host.Get<ChatService>().AskAsync([], "Welche Flächen am Ringgleis will die Stadt ankaufen?", Principal.PublicCaller, ct);
        Assert.DoesNotContain(DraftingArchive.GroundCanary, chat.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Citations, c => c.DocumentId == "24-90003-01");
    }

    [Theory]
    [InlineData("Zu 2. und 3.:\nDie Verwaltung wird …", 3, true)]
    [InlineData("Zu Frage 2, 3 und 4:\nJa.", 4, true)]
    [InlineData("Zu 2. bis 5.:\nSiehe oben.", 4, true)]
    [InlineData("Zu 2. und 3.:\nDie Verwaltung wird …", 4, false)]
    [InlineData("Zu Frage 3:\nNein.", 3, false)]
    [InlineData("Die Fragen 2 und 3 werden zusammen beantwortet.", 3, false)]
    public void An_answer_to_several_questions_at_once_answers_each_of_them(string text, int number, bool expected) =>
        Assert.Equal(expected, PriorAnswer.AnswersTogether(text, number));
}
