using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

public sealed class ExtractiveDraftingTests
{
    [Fact]
    public async Task Without_a_model_each_question_gets_verbatim_passages_of_prior_Stellungnahmen_with_real_citations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var service = host.Get<DraftingService>();
        var index = host.Get<IKnowledgeIndex>();

        var draft = await service.DraftInquiryAsync(DraftingArchive.NewInquiry, Principal.PublicCaller, ct);

        Assert.Equal(DraftMode.Extractive, service.Mode);
        var first = draft.Answers[0];
        Assert.Equal(ExtractiveDrafter.ProposalLabel + ExtractiveDrafter.ProposalHint, first.Note);
        Assert.DoesNotContain(ExtractiveDrafter.ProposalLabel, first.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Zu Frage", first.Draft, StringComparison.Ordinal);
        Assert.NotEmpty(first.Citations);
        foreach (var answer in draft.Answers)
        {
            Assert.Equal(DraftMode.Extractive, answer.Mode);
            foreach (var citation in answer.Citations)
            {
                var chunk = Assert.Single(await index.GetChunksAsync(citation.DocumentId, SearchFilter.PublicOnly, ct), c => c.ChunkId == citation.ChunkId);
                Assert.Equal(chunk.Text, citation.Text);
                Assert.Equal(Documents.DocumentType.Stellungnahme, chunk.DocumentType);
                Assert.Contains($"{AnswerHeading.StripAny(chunk.Text)} {citation.Marker}", answer.Draft, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Proposals_are_diverse_one_per_document_and_no_near_duplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(DraftingArchive.NewInquiry, DraftingArchive.NewInquiry.Questions[0], Principal.PublicCaller, ct);

        Assert.True(answer.Citations.Count > 0, answer.Draft);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.DocumentId).Distinct().Count());

        // The same lighting answer stands in two documents; it is proposed once.
        Assert.Single(answer.Citations, c => c.Text.Contains("insektenfreundlichen LED-Leuchten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_question_the_archive_does_not_cover_gets_the_keine_Informationen_sentence_and_no_citation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var inquiry = DraftingArchive.NewInquiry;

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry with { Subject = "Stadtimkerei" }, inquiry.Questions[2], Principal.PublicCaller, ct);

        // Nothing to propose: no answer text at all, and the note says that the Fachbereich must supply it.
        Assert.Equal(string.Empty, answer.Draft);
        Assert.Equal(ExtractiveDrafter.NothingFound, answer.Note);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Without_a_fitting_Stellungnahme_the_administrations_own_papers_are_proposed_labelled_as_such()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var inquiry = new Inquiries.Inquiry
        {
            Subject = "Stand der Innovationsstrategie",
            Questions = [new Inquiries.InquiryQuestion(1, "Welche Bausteine umfasst die Innovationsstrategie, etwa eine Datenstrategie?")],
        };

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        Assert.Equal(ExtractiveDrafter.AdministrationPapersLabel + ExtractiveDrafter.ProposalHint, answer.Note);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("25-26577", citation.DocumentId);
        Assert.Contains($"{AnswerHeading.StripAny(LetterFrame.StripHead(citation.Text))} {citation.Marker}", answer.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extractive_drafts_and_chat_never_show_a_nichtoeffentlich_passage_to_a_public_caller()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var inquiry = DraftingArchive.NewInquiry with { Subject = "Grundstücksankauf Beleuchtung Ringgleis" };

        var publicDraft = await host.Get<DraftingService>().DraftInquiryAsync(inquiry, Principal.PublicCaller, ct);
        var publicChat = await host.Get<ChatService>().AskAsync([], "Grundstücksankauf für die Beleuchtung des Ringgleises?", Principal.PublicCaller, ct);
        var clearedChat = await host.Get<ChatService>().AskAsync([], "Grundstücksankauf für die Beleuchtung des Ringgleises?", new Principal("x", true), ct);

        Assert.All(publicDraft.Answers, a => Assert.DoesNotContain(DraftingArchive.GroundCanary, a.Draft, StringComparison.Ordinal));
        Assert.DoesNotContain(DraftingArchive.GroundCanary, publicChat.Text, StringComparison.Ordinal);
        Assert.Contains(DraftingArchive.GroundCanary, clearedChat.Text, StringComparison.Ordinal);
        Assert.Equal(DraftMode.Extractive, publicChat.Mode);
    }

    [Fact]
    public async Task An_extractive_draft_of_a_public_inquiry_never_uses_nichtoeffentlich_passages_even_for_a_cleared_caller()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var inquiry = DraftingArchive.NewInquiry with { Subject = "Grundstücksankauf Beleuchtung Ringgleis" };
        var cleared = new Principal("fachbereichsleitung", true);

        var publicDraft = await host.Get<DraftingService>().DraftInquiryAsync(inquiry with { Visibility = Documents.Visibility.Public }, cleared, ct);
        var nonPublicDraft = await host.Get<DraftingService>().DraftInquiryAsync(inquiry with { Visibility = Documents.Visibility.NonPublic }, cleared, ct);

        Assert.All(publicDraft.Answers, a => Assert.DoesNotContain(DraftingArchive.GroundCanary, a.Draft, StringComparison.Ordinal));
        Assert.Contains(nonPublicDraft.Answers, a => a.Draft.Contains(DraftingArchive.GroundCanary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_without_a_model_answers_with_the_best_passages_and_their_sources()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);

        var answer = await host.Get<ChatService>().AskAsync([], "Welche Radwege werden beim Winterdienst vorrangig geräumt?", Principal.PublicCaller, ct);

        Assert.StartsWith(ChatService.NoModelLabel, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.DocumentId == "23-12003-01");
        Assert.All(answer.Citations, c => Assert.Contains($"{c.Marker} {c.Title} ({c.DocumentId}", answer.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_without_a_model_finds_a_passage_by_the_title_of_its_paper()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);

        var answer = await host.Get<ChatService>().AskAsync([], "Welche Maßnahmen gibt es zur Fachkräftegewinnung in der Verwaltung?", Principal.PublicCaller, ct);

        Assert.Equal("23-11030-01", answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task Chat_without_a_model_answers_a_question_like_an_earlier_one_with_the_answer_it_got()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);

        var answer = await host.Get<ChatService>().AskAsync([], "Wie wurde die Stadt auf einen Cyberangriff vorbereitet?", Principal.PublicCaller, ct);

        Assert.Equal("25-11020-01#0", answer.Citations[0].ChunkId);
        Assert.Contains("Ransomware-Angriff", answer.Citations[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Citations, c => c.DocumentId == "25-11020");
    }

    [Fact]
    public async Task Chat_without_a_model_proposes_nothing_when_the_archive_never_names_what_is_asked_about()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var chat = host.Get<ChatService>();

        // "Kosten" alone would match the lighting answer; the archive never mentions a Schneekanone.
        var unknown = await chat.AskAsync([], "Wie hoch sind die Kosten für die Schneekanonen?", Principal.PublicCaller, ct);
        var known = await chat.AskAsync([], "Wie hoch sind die Kosten für die Beleuchtung?", Principal.PublicCaller, ct);

        Assert.Equal(ChatService.NothingFound, unknown.Text);
        Assert.Empty(unknown.Citations);
        Assert.NotEmpty(known.Citations);
    }

    [Fact]
    public async Task A_draft_for_a_question_like_an_earlier_one_proposes_the_answer_it_got_never_the_earlier_question()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct);
        var inquiry = new Inquiry { Subject = "Cyberangriffe auf das Rathaus", Questions = [new InquiryQuestion(1, "Ist die Stadt inzwischen auf einen Cyberangriff vorbereitet?")] };

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        Assert.Equal("25-11020-01#0", answer.Citations[0].ChunkId);
        Assert.Contains("Ransomware-Angriff", answer.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Citations, c => c.DocumentId == "25-11020");
    }
}
