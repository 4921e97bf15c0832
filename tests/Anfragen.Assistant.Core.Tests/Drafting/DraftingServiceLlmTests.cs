using System.Text.RegularExpressions;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Drafting;

/// <summary>The model path end to end: real SQLite archive, real SDK, real HTTP to a scripted server on 127.0.0.1.</summary>
public sealed partial class DraftingServiceLlmTests
{
    private static readonly Principal Cleared = new("sachbearbeitung", ClearedForNonPublic: true);

    [Fact]
    public async Task The_request_holds_the_question_and_numbered_delimited_passages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        await using var host = await DraftingHost.StartAsync(server, ct);
        var inquiry = DraftingArchive.NewInquiry;

        await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        var request = Assert.Single(server.Requests);
        var user = request.Messages.Last(m => m.Role == "user").Content;
        Assert.Contains(inquiry.Questions[0].Text, user, StringComparison.Ordinal);
        Assert.Contains(inquiry.Subject!, user, StringComparison.Ordinal);
        Assert.Contains("<<<QUELLE [1] id=", user, StringComparison.Ordinal);
        Assert.Contains("<<<ENDE [1]>>>", user, StringComparison.Ordinal);
        Assert.Contains("insektenfreundlichen LED-Leuchten", user, StringComparison.Ordinal);

        // The referenced Vorlage (Ds. 25-26577) is looked up exactly and included; the inquiry itself is not.
        Assert.Contains("id=25-26577", user, StringComparison.Ordinal);
        Assert.DoesNotContain("id=26-14005 ", user, StringComparison.Ordinal);
        Assert.Contains("ArchiveSearch-Search", request.ToolNames);
    }

    [Fact]
    public async Task A_matching_question_of_an_earlier_anfrage_brings_the_answer_it_got_into_the_prompt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        await using var host = await DraftingHost.StartAsync(server, ct);
        var inquiry = new Inquiries.Inquiry { Subject = "Schutz vor Cyberangriffen", Questions = [new Inquiries.InquiryQuestion(1, "Wie ist die Stadt auf einen Cyberangriff vorbereitet?")] };

        await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        var user = Assert.Single(server.Requests).Messages.Last(m => m.Role == "user").Content;
        var ids = PassageIds(user);
        Assert.Contains(ids, p => p.Value == "25-11020" && ids.GetValueOrDefault(p.Key + 1) == "25-11020-01");
        Assert.Contains("Ransomware-Angriff", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_citing_1_yields_a_citation_to_the_document_of_passage_1_and_99_is_invalid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.Text("Zu Frage 1: Die Beleuchtung wird 2026 ergänzt [1]. Die Kosten sind unbekannt [99]."));
        await using var host = await DraftingHost.StartAsync(server, ct);
        var inquiry = DraftingArchive.NewInquiry;

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        var expectedId = PassageIds(server.Requests[0].Messages.Last(m => m.Role == "user").Content)[1];
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("[1]", citation.Marker);
        Assert.Equal(expectedId, citation.DocumentId);
        Assert.StartsWith(expectedId + "#", citation.ChunkId, StringComparison.Ordinal);
        Assert.Equal(["[99]"], answer.InvalidCitations);
        Assert.Equal(DraftMode.Llm, answer.Mode);
        Assert.Equal("scripted-model", answer.Model);
        Assert.True(answer.PromptTokens > 0 && answer.CompletionTokens > 0);
    }

    [Fact]
    public async Task A_quotation_that_is_not_in_the_cited_passage_makes_the_marker_invalid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.Text("Zu Frage 1: Laut Verwaltung „wird die Beleuchtung sofort und kostenlos erneuert“ [1]."));
        await using var host = await DraftingHost.StartAsync(server, ct);
        var inquiry = DraftingArchive.NewInquiry;

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        Assert.Empty(answer.Citations);
        Assert.Equal(["[1]"], answer.InvalidCitations);
    }

    [Fact]
    public async Task A_tool_call_to_ArchiveSearch_is_executed_and_its_passages_are_sent_back_and_citable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(
            ScriptedReply.ToolCall("ArchiveSearch-Search", """{"query":"Kleintraktoren Winterdienst Nebenstrecken"}"""),
            ScriptedReply.From(request =>
            {
                var number = PassageIds(request.ToolResults[0]).FirstOrDefault(p => p.Value == "23-12003-01").Key;
                return $"Zu Frage 2: Es stehen zwölf Kleintraktoren zur Verfügung [{number}].";
            }));

        // Two passages up front, so the follow-up search has something new to add.
        await using var host = await DraftingHost.StartAsync(server, ct, s => s["Anfragen:Llm:MaxPassages"] = "2");
        var inquiry = DraftingArchive.NewInquiry;

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[1] with { Text = "Wie viele Fahrzeuge gibt es?" }, Principal.PublicCaller, ct);

        Assert.Equal(2, server.Requests.Count);
        var toolResult = Assert.Single(server.Requests[1].ToolResults);
        Assert.Contains("<<<QUELLE [3] id=", toolResult, StringComparison.Ordinal);
        Assert.Contains("id=23-12003-01", toolResult, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.DocumentId == "23-12003-01");
        Assert.Empty(answer.InvalidCitations);
    }

    [Fact]
    public async Task Tool_calls_beyond_the_limit_are_refused_and_the_last_round_forbids_tools()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        for (var i = 0; i < 4; i++)
        {
            server.Enqueue(ScriptedReply.ToolCall("ArchiveSearch-Search", $$"""{"query":"Ringgleis {{i}}"}""", $"call_{i}"));
        }

        server.Enqueue(ScriptedReply.Text("Zu Frage 1: Hierzu liegen in den Unterlagen keine Informationen vor; Zulieferung durch den Fachbereich erforderlich."));
        await using var host = await DraftingHost.StartAsync(server, ct);
        var inquiry = DraftingArchive.NewInquiry;

        var answer = await host.Get<DraftingService>().DraftQuestionAsync(inquiry, inquiry.Questions[0], Principal.PublicCaller, ct);

        // Three searches run; the fourth request forbids tools; the scripted server calls one anyway and is refused.
        // The "Zu Frage 1:" the prompt asks for is the letter's heading; the answer text starts after it.
        Assert.StartsWith("Hierzu liegen", answer.Draft, StringComparison.Ordinal);
        Assert.Equal(5, server.Requests.Count);
        Assert.All(server.Requests.Take(3), r => Assert.NotEqual("none", r.Json["tool_choice"]?.GetValue<string>()));
        Assert.Equal("none", server.Requests[3].Json["tool_choice"]?.GetValue<string>());
        var results = server.Requests[4].ToolResults;
        Assert.Equal(4, results.Count);
        Assert.All(results.Take(3), r => Assert.DoesNotContain(ModelConversation.LimitReachedResult, r, StringComparison.Ordinal));
        Assert.Contains(ModelConversation.LimitReachedResult, results[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_request_made_for_a_public_caller_ever_holds_a_nichtoeffentlich_canary()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(
            ScriptedReply.ToolCall("ArchiveSearch-Search", """{"query":"Personalplanung Grundstücksankauf Beleuchtung Ringgleis vertraulich"}"""),
            ScriptedReply.Text("Zu Frage 1: Antwort [1]."));
        await using var host = await DraftingHost.StartAsync(server, ct);

        await host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry, Principal.PublicCaller, ct);
        await host.Get<ChatService>().AskAsync([], "Personalplanung und Grundstücksankauf für die Beleuchtung am Ringgleis?", Principal.PublicCaller, ct);
        var publicRequests = server.Requests.Count;

        // The same questions from a cleared caller do reach the canaries, so the check above is not vacuous.
        await host.Get<ChatService>().AskAsync([], "Personalplanung und Grundstücksankauf für die Beleuchtung am Ringgleis?", Cleared, ct);

        Assert.True(publicRequests >= 5);
        foreach (var request in server.Requests.Take(publicRequests))
        {
            Assert.DoesNotContain(DraftingArchive.PersonalCanary, request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(DraftingArchive.GroundCanary, request.Body, StringComparison.Ordinal);
        }

        Assert.Contains(server.Requests.Skip(publicRequests), r => r.Body.Contains(DraftingArchive.PersonalCanary, StringComparison.Ordinal) || r.Body.Contains(DraftingArchive.GroundCanary, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Documents.Visibility.Public)]
    [InlineData(null)]
    public async Task A_public_or_unmarked_inquiry_is_drafted_from_public_sources_only_even_for_a_cleared_caller(Documents.Visibility? visibility)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(
            ScriptedReply.ToolCall("ArchiveSearch-Search", """{"query":"Personalplanung Grundstücksankauf Beleuchtung Ringgleis vertraulich"}"""),
            ScriptedReply.Text("Zu Frage 1: Antwort [1]."));
        await using var host = await DraftingHost.StartAsync(server, ct);

        var draft = await host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry with { Visibility = visibility }, Cleared, ct);
        var publicRequests = server.Requests.Count;

        // The same inquiry marked nichtöffentlich does reach the canaries for this caller, so the check is not vacuous.
        server.Enqueue(
            ScriptedReply.ToolCall("ArchiveSearch-Search", """{"query":"Personalplanung Grundstücksankauf Beleuchtung Ringgleis vertraulich"}"""),
            ScriptedReply.Text("Zu Frage 1: Antwort [1]."));
        await host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry with { Visibility = Documents.Visibility.NonPublic }, Cleared, ct);

        Assert.All(server.Requests.Take(publicRequests), request =>
        {
            Assert.DoesNotContain(DraftingArchive.PersonalCanary, request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(DraftingArchive.GroundCanary, request.Body, StringComparison.Ordinal);
        });
        Assert.All(draft.Answers, a => Assert.DoesNotContain(a.Citations, c => c.DocumentId.StartsWith("24-9000", StringComparison.Ordinal)));
        Assert.Contains(server.Requests.Skip(publicRequests), r => r.Body.Contains(DraftingArchive.PersonalCanary, StringComparison.Ordinal) || r.Body.Contains(DraftingArchive.GroundCanary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_passage_telling_the_model_to_ignore_its_instructions_stays_delimited_data_and_leaves_the_system_prompt_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        await using var host = await DraftingHost.StartAsync(server, ct);
        var inquiry = DraftingArchive.NewInquiry with { Subject = "Bänke am Ringgleis" };

        await host.Get<DraftingService>().DraftQuestionAsync(inquiry, new(1, "Wie viele Bänke wurden am Ringgleis aufgestellt?"), Principal.PublicCaller, ct);

        var request = Assert.Single(server.Requests);
        var expectedSystem = host.Get<PromptLibrary>().RenderDraft("x", 1, "y", "z").System;
        Assert.Equal(expectedSystem, request.SystemMessage);
        Assert.DoesNotContain("Ignoriere", request.SystemMessage, StringComparison.Ordinal);
        var user = request.Messages.Last(m => m.Role == "user").Content;
        var at = user.IndexOf(DraftingArchive.InjectionText, StringComparison.Ordinal);
        Assert.True(at > 0, "the passage is shown to the model");
        var opened = user.LastIndexOf("<<<QUELLE [", at, StringComparison.Ordinal);
        var closedBefore = user.LastIndexOf("<<<ENDE [", at, StringComparison.Ordinal);
        Assert.True(opened > closedBefore, "the injected text sits inside a QUELLE block");
        Assert.Equal(1, request.Messages.Count(m => m.Role == "system"));
    }

    [Fact]
    public async Task Drafting_an_inquiry_returns_one_answer_per_question_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.FallbackText = "Zu Frage: Antwort [1].";
        await using var host = await DraftingHost.StartAsync(server, ct, s => s["Anfragen:Llm:MaxConcurrency"] = "2");

        var draft = await host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry, Principal.PublicCaller, ct);

        Assert.Equal([1, 2, 3], draft.Answers.Select(a => a.Number));
        Assert.Equal(3, server.Requests.Count);
        Assert.All(draft.Answers, a => Assert.Equal(DraftMode.Llm, a.Mode));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Questions_are_drafted_concurrently_up_to_MaxConcurrency(int maxConcurrency)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.ResponseDelay = TimeSpan.FromMilliseconds(300);
        await using var host = await DraftingHost.StartAsync(server, ct, s => s["Anfragen:Llm:MaxConcurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry, Principal.PublicCaller, ct);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(maxConcurrency, server.MaxConcurrentRequests);
    }

    [Fact]
    public async Task Cancelling_while_questions_are_in_flight_stops_all_of_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.ResponseDelay = TimeSpan.FromSeconds(30);
        await using var host = await DraftingHost.StartAsync(server, ct, s => s["Anfragen:Llm:MaxConcurrency"] = "3");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var drafting = host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry, Principal.PublicCaller, cancel.Token);
        while (server.Requests.Count < 3)
        {
            await Task.Delay(20, ct);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drafting);

        // Every in-flight request was abandoned by the client rather than waited for.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (server.AbortedRequests < 3 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, ct);
        }

        Assert.Equal(3, server.AbortedRequests);
    }

    [Fact]
    public async Task Cancelling_stops_the_drafting_of_all_questions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        await using var host = await DraftingHost.StartAsync(server, ct);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Get<DraftingService>().DraftInquiryAsync(DraftingArchive.NewInquiry, Principal.PublicCaller, cancel.Token));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Chat_streams_deltas_sends_the_history_and_ends_with_a_checked_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.Text("Radwege an Hauptverkehrsstraßen werden „vorrangig geräumt“ [1]. Siehe auch [42]."));
        await using var host = await DraftingHost.StartAsync(server, ct);
        ChatTurn[] history = [new(ChatRole.User, "Wer ist für den Winterdienst zuständig?", Documents.Visibility.Public), new(ChatRole.Assistant, "Der Fachbereich Tiefbau.", Documents.Visibility.Public)];

        var deltas = new List<string>();
        ChatAnswer? answer = null;
        await foreach (var update in host.Get<ChatService>().AskStreamingAsync(history, "Welche Radwege werden beim Winterdienst zuerst geräumt?", Principal.PublicCaller, ct))
        {
            if (update.IsFinal)
            {
                answer = update.Answer;
            }
            else
            {
                deltas.Add(update.TextDelta);
            }
        }

        Assert.True(deltas.Count > 1);
        Assert.NotNull(answer);
        Assert.Equal(string.Concat(deltas).Trim(), answer.Text);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Stream);
        Assert.Equal(["system", "user", "assistant", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal("Der Fachbereich Tiefbau.", request.Messages[2].Content);
        var passage1 = PassageIds(request.Messages[3].Content)[1];
        Assert.Equal(passage1, Assert.Single(answer.Citations).DocumentId);
        Assert.Equal(["[42]"], answer.InvalidCitations);
    }

    /// <summary>Passage number → document id, read from the delimiters the model was shown.</summary>
    private static Dictionary<int, string> PassageIds(string text) =>
        SourceHeader().Matches(text).ToDictionary(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups["id"].Value);

    [GeneratedRegex(@"<<<QUELLE \[(?<n>\d+)\] id=(?<id>\S+) ")]
    private static partial Regex SourceHeader();
}
