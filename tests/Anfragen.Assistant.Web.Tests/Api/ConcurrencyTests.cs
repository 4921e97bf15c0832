using System.Net;
using System.Net.Http.Json;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

[Collection(WebAppGroup.Name)]
public sealed class ConcurrencyTests(AnfragenWebFactory factory)
{
    [Fact]
    public async Task Second_edit_from_the_same_version_gets_409_with_the_current_text()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"), draft: true);
        var id = ApiCalls.Id(detail);
        var version = ApiCalls.Answers(detail).First()["version"]!.GetValue<int>();

        var first = await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/1", new { text = "Fassung der Sachbearbeitung.", expectedVersion = version }, TestContext.Current.CancellationToken);
        var second = await reviewer.PutAsJsonAsync($"/api/inquiries/{id}/questions/1", new { text = "Fassung der Fachbereichsleitung.", expectedVersion = version }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await ApiCalls.ReadObjectAsync(second);
        Assert.Equal("Fassung der Sachbearbeitung.", conflict["current"]!["text"]!.GetValue<string>());
        Assert.Equal(version + 1, conflict["current"]!["version"]!.GetValue<int>());
        Assert.Contains(Users.Staff, conflict["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Retrying from the current version succeeds, and both texts are in the version history.
        var retry = await reviewer.PutAsJsonAsync($"/api/inquiries/{id}/questions/1", new { text = "Fassung der Fachbereichsleitung.", expectedVersion = version + 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", TestContext.Current.CancellationToken));
        var texts = after["versions"]!.AsArray().Where(v => v!["number"]!.GetValue<int>() == 1).Select(v => v!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("Fassung der Sachbearbeitung.", texts);
        Assert.Contains("Fassung der Fachbereichsleitung.", texts);
    }

    [Fact]
    public async Task Approving_a_version_that_was_edited_meanwhile_is_a_conflict()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"), draft: true);
        var id = ApiCalls.Id(detail);
        var seen = ApiCalls.Answers(detail).First()["version"]!.GetValue<int>();

        await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/1", new { text = "Geändert, nachdem die Prüfung begann.", expectedVersion = seen }, TestContext.Current.CancellationToken);
        var approve = await reviewer.PostAsJsonAsync($"/api/inquiries/{id}/questions/1/approve", new { expectedVersion = seen }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
    }

    [Fact]
    public async Task Reject_requires_a_comment_and_keeps_it()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"), draft: true);
        var id = ApiCalls.Id(detail);
        var version = ApiCalls.Version(await ApiCalls.SubmitAsync(staff, id, 1, ApiCalls.Version(ApiCalls.Answers(detail).First())));

        var withoutComment = await reviewer.PostAsJsonAsync($"/api/inquiries/{id}/questions/1/reject", new { expectedVersion = version }, TestContext.Current.CancellationToken);
        var withComment = await reviewer.PostAsJsonAsync($"/api/inquiries/{id}/questions/1/reject", new { expectedVersion = version, comment = "Zahlen fehlen." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, withoutComment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withComment.StatusCode);
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", TestContext.Current.CancellationToken));
        Assert.Contains(after["comments"]!.AsArray(), c => c!["text"]!.GetValue<string>() == "Zahlen fehlen." && c["author"]!.GetValue<string>() == Users.Reviewer);
    }
}
