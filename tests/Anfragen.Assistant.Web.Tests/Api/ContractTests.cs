using System.Net;
using System.Net.Http.Json;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

/// <summary>The JSON shapes API clients rely on.</summary>
[Collection(WebAppGroup.Name)]
public sealed class ContractTests(AnfragenWebFactory factory)
{
    [Fact]
    public async Task Inquiry_detail_and_list_have_the_documented_fields()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);

        var inquiry = detail["inquiry"]!.AsObject();
        Assert.Equal(["id", "inquiry", "visibility", "sourceName", "createdBy", "createdAt", "archivedDocumentId", "deadline", "deadlineSetByHand", "assignee", "title"], inquiry.Select(p => p.Key));
        Assert.Equal("Public", inquiry["visibility"]!.GetValue<string>());
        var answer = ApiCalls.Answers(detail).First();
        foreach (var field in new[] { "inquiryId", "number", "question", "status", "text", "mode", "note", "textSource", "textBy", "proposal", "assignee", "citations", "invalidCitations", "version", "updatedBy", "updatedAt", "isUntouchedProposal" })
        {
            Assert.True(answer.ContainsKey(field), $"answer lacks {field}");
        }

        Assert.Equal("Extractive", answer["mode"]!.GetValue<string>());
        var citation = ApiCalls.Answers(detail).SelectMany(a => a["citations"]!.AsArray()).First()!.AsObject();
        Assert.Equal(["marker", "documentId", "chunkId", "title", "text"], citation.Select(p => p.Key));

        var list = await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/inquiries", TestContext.Current.CancellationToken));
        var row = list.Single(r => r!["id"]!.GetValue<string>() == ApiCalls.Id(detail))!.AsObject();
        Assert.Equal(ApiCalls.Answers(detail).Count(), row["questionCount"]!.GetValue<int>());
        Assert.Equal(0, row["approvedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_hits_carry_document_passage_and_score()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var hits = await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/search?q=Radverkehr%20Fahrradparkhaus&type=Stellungnahme", TestContext.Current.CancellationToken));

        Assert.NotEmpty(hits);
        var hit = hits[0]!.AsObject();
        Assert.Equal(["documentId", "chunkId", "title", "type", "date", "committee", "visibility", "questionNumber", "text", "score"], hit.Select(p => p.Key));
        Assert.All(hits, h => Assert.Equal("Stellungnahme", h!["type"]!.GetValue<string>()));
        Assert.Equal(hits.Count, hits.Select(h => h!["documentId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Chat_streams_server_sent_events_with_a_final_answer_and_keeps_the_history()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        await staff.DeleteAsync("/api/chat/history", TestContext.Current.CancellationToken);
        var response = await staff.PostAsJsonAsync("/api/chat", new { question = "Wie viele Fahrradstellplätze gibt es am Bahnhof?" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("event: update\ndata: {", body, StringComparison.Ordinal);
        var final = body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l[6..])!).Last();
        Assert.True(final["isFinal"]!.GetValue<bool>());
        Assert.NotEmpty(final["answer"]!["citations"]!.AsArray());

        var history = await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/chat/history", TestContext.Current.CancellationToken));
        Assert.Equal(["User", "Assistant"], history.Select(m => m!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_self_contained_question_after_an_unrelated_one_still_finds_its_sources()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        await staff.DeleteAsync("/api/chat/history", TestContext.Current.CancellationToken);
        await AskAsync(staff, "Wie läuft das Auswahlverfahren für die Leitung des Fachbereichs 37?");

        var final = await AskAsync(staff, "Welche Maßnahmen gibt es zur Fachkräftegewinnung in der Verwaltung?");

        Assert.NotEmpty(final["answer"]!["citations"]!.AsArray());
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> AskAsync(HttpClient client, string question)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { question }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l[6..])!).Last();
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api_and_the_reference_page_is_served()
    {
        using var client = factory.CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var scalar = await client.GetAsync("/scalar", TestContext.Current.CancellationToken);

        foreach (var path in new[] { "/api/inquiries", "/api/search", "/api/chat", "/api/documents/{id}", "/api/admin/audit", "/api/inquiries/{id}/questions/{number}/approve" })
        {
            Assert.Contains($"\"{path}\"", openApi, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task Preview_parses_without_saving()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var before = (await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/inquiries", TestContext.Current.CancellationToken))).Count;
        var response = await staff.PostAsJsonAsync("/api/inquiries/preview", new { text = ApiCalls.InquiryText("2026-04_anfrage_personal_berufsfeuerwehr.md") }, TestContext.Current.CancellationToken);
        var inquiry = await ApiCalls.ReadObjectAsync(response);

        Assert.Equal(4, inquiry["questions"]!.AsArray().Count);
        Assert.Equal(before, (await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/inquiries", TestContext.Current.CancellationToken))).Count);
    }
}
