using System.Net;
using System.Net.Http.Json;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

[Collection(WebAppGroup.Name)]
public sealed class RoleTests(AnfragenWebFactory factory)
{
    [Fact]
    public async Task Staff_cannot_approve_or_reject_and_the_answer_stays_unapproved()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);
        var id = ApiCalls.Id(detail);
        var first = ApiCalls.Answers(detail).First();
        var version = first["version"]!.GetValue<int>();

        var approve = await staff.PostAsJsonAsync($"/api/inquiries/{id}/questions/1/approve", new { expectedVersion = version }, TestContext.Current.CancellationToken);
        var reject = await staff.PostAsJsonAsync($"/api/inquiries/{id}/questions/1/reject", new { expectedVersion = version, comment = "nein" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Proposed", ApiCalls.Answers(after).First()["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reviewer_approves_and_the_approval_is_audited()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);
        var id = ApiCalls.Id(detail);
        var submitted = await ApiCalls.SubmitAsync(staff, id, 1, ApiCalls.Version(ApiCalls.Answers(detail).First()));

        var approve = await ApiCalls.ApproveAsync(reviewer, id, 1, ApiCalls.Version(submitted), confirmUntouched: true);

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("Approved", (await ApiCalls.ReadObjectAsync(approve))["status"]!.GetValue<string>());
        var audit = await ApiCalls.ReadArrayAsync(await admin.GetAsync("/api/admin/audit?action=freigabe", TestContext.Current.CancellationToken));
        Assert.Contains(audit, e => e!["userName"]!.GetValue<string>() == Users.Reviewer && e["target"]!.GetValue<string>() == $"{id}/frage-1");
    }

    [Fact]
    public async Task Only_administration_reads_the_audit_log_and_changes_clearance()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/admin/audit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/admin/audit", TestContext.Current.CancellationToken)).StatusCode);
        var put = await staff.PutAsJsonAsync($"/api/admin/clearance/{Users.Staff}", new { cleared = true }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task Administration_cannot_create_inquiries()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        var response = await admin.PostAsJsonAsync("/api/inquiries", new { text = ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt") }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
