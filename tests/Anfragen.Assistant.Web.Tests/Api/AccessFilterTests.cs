using System.Net;
using System.Net.Http.Json;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

/// <summary>The nichtöffentlich canaries never reach a user without clearance, on any endpoint; a cleared user's access is audited.</summary>
[Collection(WebAppGroup.Name)]
public sealed class AccessFilterTests(AnfragenWebFactory factory)
{
    private static readonly string[] Queries =
    [
        "KANARIENVOGEL",
        "Personalgestellung Leitung Fachbereich 37 Auswahlverfahren",
        "Grundstücksankauf Gewerbegebiet Nord Kaufpreisverhandlung",
        "Personal Berufsfeuerwehr Stellenbesetzung",
    ];

    [Fact]
    public void The_fixture_archive_holds_the_canary_documents()
    {
        Assert.NotNull(factory.Ingested);
        Assert.True(factory.Ingested.Documents >= 80, $"ingested {factory.Ingested.Documents} documents");
    }

    [Fact]
    public async Task Staff_search_never_returns_the_canary_in_any_mode()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        foreach (var query in Queries)
        {
            foreach (var mode in new[] { "Hybrid", "Keyword", "Dense" })
            {
                var response = await staff.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&mode={mode}&top=50", TestContext.Current.CancellationToken);
                var hits = await ApiCalls.ReadArrayAsync(response);
                Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, hits.ToJsonString(), StringComparison.Ordinal));
                Assert.All(hits, h => Assert.Equal("öffentlich", h!["visibility"]!.GetValue<string>()));
            }
        }
    }

    [Fact]
    public async Task Staff_gets_404_for_a_nonpublic_document_and_no_trace_in_the_listing()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var direct = await staff.GetAsync($"/api/documents/{Users.NonPublicPersonnelDocument}", TestContext.Current.CancellationToken);
        var listing = await staff.GetStringAsync("/api/documents?take=500", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.DoesNotContain(Users.NonPublicPersonnelDocument + "\"", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("24-11733\"", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_chat_and_drafts_never_contain_the_canary()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        foreach (var question in Queries)
        {
            var response = await staff.PostAsJsonAsync("/api/chat", new { question }, TestContext.Current.CancellationToken);
            var stream = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, stream, StringComparison.Ordinal));
        }

        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_personal_berufsfeuerwehr.md"), draft: true);
        Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, detail.ToJsonString(), StringComparison.Ordinal));
        Assert.All(ApiCalls.Answers(detail), a => Assert.NotEqual("Open", a["status"]!.GetValue<string>()));
        var history = await staff.GetStringAsync("/api/chat/history", TestContext.Current.CancellationToken);
        Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, history, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drafts_for_a_public_inquiry_never_cite_nonpublic_papers_even_for_a_cleared_reviewer()
    {
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(reviewer, ApiCalls.InquiryText("2026-04_anfrage_personal_berufsfeuerwehr.md"), draft: true);
        Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, detail.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotContain(ApiCalls.Answers(detail).SelectMany(a => a["citations"]!.AsArray()), c => c!["documentId"]!.GetValue<string>() == Users.NonPublicPersonnelDocument);
    }

    [Fact]
    public async Task Reviewer_sees_the_nonpublic_document_and_each_access_is_audited()
    {
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);

        var document = await reviewer.GetStringAsync($"/api/documents/{Users.NonPublicPersonnelDocument}", TestContext.Current.CancellationToken);
        var search = await reviewer.GetStringAsync($"/api/search?q={Uri.EscapeDataString("Personalgestellung Leitung Fachbereich 37")}&mode=Keyword", TestContext.Current.CancellationToken);

        Assert.Contains(Users.Canaries[0], document, StringComparison.Ordinal);
        Assert.Contains(Users.NonPublicPersonnelDocument, search, StringComparison.Ordinal);
        var audit = await ApiCalls.ReadArrayAsync(await admin.GetAsync($"/api/admin/audit?action={Uri.EscapeDataString("nichtöffentlich-zugriff")}&take=1000", TestContext.Current.CancellationToken));
        var mine = audit.Where(e => e!["userName"]!.GetValue<string>() == Users.Reviewer && e["target"]!.GetValue<string>() == Users.NonPublicPersonnelDocument).ToList();
        Assert.Contains(mine, e => e!["detail"]!.GetValue<string>() == "Dokument geöffnet");
        Assert.Contains(mine, e => e!["detail"]!.GetValue<string>() == "Archivsuche");
    }

    [Fact]
    public async Task Withdrawn_clearance_takes_effect_at_once_over_the_sign_in_claim()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        try
        {
            var put = await admin.PutAsJsonAsync($"/api/admin/clearance/{Users.Reviewer}", new { cleared = false }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
            var response = await reviewer.GetAsync($"/api/documents/{Users.NonPublicPersonnelDocument}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            await admin.PutAsJsonAsync($"/api/admin/clearance/{Users.Reviewer}", new { cleared = true }, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_chat_answer_citing_a_nonpublic_paper_is_withheld_from_history_once_clearance_is_withdrawn()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        await reviewer.DeleteAsync("/api/chat/history", ct);
        try
        {
            var answer = await reviewer.PostAsJsonAsync("/api/chat", new { question = "Auswahlverfahren Personalgestellung Leitung Fachbereich 37 KANARIENVOGEL" }, ct);
            await answer.Content.ReadAsStringAsync(ct);
            var before = await reviewer.GetStringAsync("/api/chat/history", ct);
            Assert.True(before.Contains(Users.Canaries[0], StringComparison.Ordinal), before);

            await admin.PutAsJsonAsync($"/api/admin/clearance/{Users.Reviewer}", new { cleared = false }, ct);
            var history = await reviewer.GetStringAsync("/api/chat/history", ct);

            Assert.DoesNotContain(Users.Canaries[0], history, StringComparison.Ordinal);
            Assert.DoesNotContain(Users.NonPublicPersonnelDocument, history, StringComparison.Ordinal);
            Assert.Contains("Auswahlverfahren Personalgestellung", history, StringComparison.Ordinal);
            Assert.Contains("nichtöffentliche Unterlagen", history, StringComparison.Ordinal);

            // Each message says what went into it; the withheld answer is marked so, and never re-sent as a turn.
            var messages = System.Text.Json.Nodes.JsonNode.Parse(history)!.AsArray();
            Assert.Equal(["Public", "NonPublic"], messages.Select(m => m!["visibility"]!.GetValue<string>()));
            Assert.Equal([false, true], messages.Select(m => m!["withheld"]!.GetValue<bool>()));
        }
        finally
        {
            await admin.PutAsJsonAsync($"/api/admin/clearance/{Users.Reviewer}", new { cleared = true }, ct);
            await reviewer.DeleteAsync("/api/chat/history", ct);
        }
    }
}
