using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

/// <summary>The department's workflow through the API: submit, four-eyes approval, confirmation of untouched proposals, proposals beside a person's text, versions, assignment and deadlines.</summary>
[Collection(WebAppGroup.Name)]
public sealed class WorkflowTests(AnfragenWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_is_approved_only_after_submission_and_an_untouched_proposal_only_with_confirmation()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);
        var id = ApiCalls.Id(detail);
        var first = ApiCalls.Answers(detail).First(a => a["text"]!.GetValue<string>().Length > 0);
        var number = first["number"]!.GetValue<int>();
        Assert.True(first["isUntouchedProposal"]!.GetValue<bool>());
        Assert.StartsWith("Vorschlag aus früheren Stellungnahmen", first["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Vorschlag aus früheren", first["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var notSubmitted = await ApiCalls.ApproveAsync(reviewer, id, number, ApiCalls.Version(first), confirmUntouched: true);
        Assert.Equal(HttpStatusCode.BadRequest, notSubmitted.StatusCode);
        Assert.Contains("nicht zur Prüfung eingereicht", await notSubmitted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var submitted = await ApiCalls.SubmitAsync(staff, id, number, ApiCalls.Version(first));
        Assert.Equal("Submitted", submitted["status"]!.GetValue<string>());
        var unconfirmed = await ApiCalls.ApproveAsync(reviewer, id, number, ApiCalls.Version(submitted));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("unveränderte Vorschlag", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var approved = await ApiCalls.ApproveAsync(reviewer, id, number, ApiCalls.Version(submitted), confirmUntouched: true);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var answer = await ApiCalls.ReadObjectAsync(approved);
        Assert.Equal("Approved", answer["status"]!.GetValue<string>());
        Assert.Null(answer["note"]);
    }

    [Fact]
    public async Task Whoever_put_the_text_in_last_cannot_approve_it()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"), draft: true);
        var id = ApiCalls.Id(detail);
        var version = ApiCalls.Version(ApiCalls.Answers(detail).First());

        var edit = await reviewer.PutAsJsonAsync($"/api/inquiries/{id}/questions/1", new { text = "Die Fachbereichsleitung formuliert selbst.", expectedVersion = version }, Ct);
        var submitted = await ApiCalls.SubmitAsync(reviewer, id, 1, ApiCalls.Version(await ApiCalls.ReadObjectAsync(edit)));
        var own = await ApiCalls.ApproveAsync(reviewer, id, 1, ApiCalls.Version(submitted));

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("Vier-Augen-Prinzip", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Once the Sachbearbeitung takes the text over and submits it, the reviewer may approve.
        var taken = await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/1", new { text = "Die Sachbearbeitung übernimmt und ergänzt den Text.", expectedVersion = ApiCalls.Version(submitted) }, Ct);
        var resubmitted = await ApiCalls.SubmitAsync(staff, id, 1, ApiCalls.Version(await ApiCalls.ReadObjectAsync(taken)));
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.ApproveAsync(reviewer, id, 1, ApiCalls.Version(resubmitted))).StatusCode);
    }

    [Fact]
    public async Task A_new_draft_of_an_edited_answer_waits_beside_it_and_any_version_can_be_restored_and_compared()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);
        var id = ApiCalls.Id(detail);
        var draft = ApiCalls.Answers(detail).First(a => a["text"]!.GetValue<string>().Length > 0);
        var number = draft["number"]!.GetValue<int>();
        const string Mine = "Der Text der Sachbearbeitung, von Hand geschrieben.";
        var edited = await ApiCalls.ReadObjectAsync(await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/{number}", new { text = Mine, expectedVersion = ApiCalls.Version(draft) }, Ct));

        var redraft = await ApiCalls.ReadObjectAsync(await staff.PostAsync($"/api/inquiries/{id}/questions/{number}/draft", null, Ct));

        Assert.Equal(Mine, redraft["text"]!.GetValue<string>());
        Assert.Equal("Edited", redraft["status"]!.GetValue<string>());
        Assert.Equal(draft["text"]!.GetValue<string>(), redraft["proposal"]!["text"]!.GetValue<string>());

        // Compare the assistant's draft with the person's text, then bring the draft's version back.
        var diff = await ApiCalls.ReadArrayAsync(await staff.GetAsync($"/api/inquiries/{id}/questions/{number}/diff?from={ApiCalls.Version(draft)}&to={ApiCalls.Version(edited)}", Ct));
        Assert.Contains(diff, s => s!["kind"]!.GetValue<string>() == "Inserted" && s["text"]!.GetValue<string>().Contains("Sachbearbeitung", StringComparison.Ordinal));
        Assert.Contains(diff, s => s!["kind"]!.GetValue<string>() == "Deleted");
        var restore = await staff.PostAsJsonAsync($"/api/inquiries/{id}/questions/{number}/restore", new { version = ApiCalls.Version(draft), expectedVersion = ApiCalls.Version(edited) }, Ct);
        var restored = await ApiCalls.ReadObjectAsync(restore);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(draft["text"]!.GetValue<string>(), restored["text"]!.GetValue<string>());
        Assert.Equal("Restore", restored["textSource"]!.GetValue<string>());

        // Nothing is lost: the person's text is still a version.
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", Ct));
        Assert.Contains(after["versions"]!.AsArray(), v => v!["text"]!.GetValue<string>() == Mine);
    }

    [Fact]
    public async Task Meine_Anfragen_lists_what_is_assigned_to_me_or_my_Fachbereich_and_the_list_is_sorted_by_deadline()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var fire = ApiCalls.Id(await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_personal_berufsfeuerwehr.md"), draft: false));
        var bikes = ApiCalls.Id(await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: false));

        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/inquiries/{fire}/assignment", new { kind = "Fachbereich", name = "FB 10 Zentrale Dienste" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/inquiries/{bikes}/questions/2/assignment", new { kind = "Person", name = Users.Reviewer }, Ct)).StatusCode);

        var staffMine = await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/inquiries?view=meine", Ct));
        var reviewerMine = await ApiCalls.ReadArrayAsync(await reviewer.GetAsync("/api/inquiries?view=meine", Ct));
        Assert.Contains(staffMine, r => r!["id"]!.GetValue<string>() == fire);
        Assert.DoesNotContain(staffMine, r => r!["id"]!.GetValue<string>() == bikes);
        Assert.Contains(reviewerMine, r => r!["id"]!.GetValue<string>() == bikes);

        // Deadline: the session date less seven days; the earlier one first.
        var all = await ApiCalls.ReadArrayAsync(await staff.GetAsync("/api/inquiries", Ct));
        JsonNode Row(string id) => all.Single(r => r!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("2026-04-23", Row(bikes)["deadline"]!.GetValue<string>());
        Assert.Equal("2026-04-29", Row(fire)["deadline"]!.GetValue<string>());
        var ids = all.Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.IndexOf(bikes) < ids.IndexOf(fire));

        var set = await ApiCalls.ReadObjectAsync(await staff.PutAsJsonAsync($"/api/inquiries/{fire}/deadline", new { deadline = "2026-04-20" }, Ct));
        Assert.Equal("2026-04-20", set["deadline"]!.GetValue<string>());
        Assert.True(set["deadlineSetByHand"]!.GetValue<bool>());
    }
}
